package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/devserver"
)

func init() {
	commands["serve"] = command{"build the site in memory and preview it in a browser", runServe}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", stderr)
	root := fs.String("root", ".", "project folder holding content/, layouts/ and static/")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; it stays on this machine unless you give another")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitUsage
	}
	res, err := build.Site(os.DirFS(*root), now)
	if res != nil {
		report(stderr, res.Problems)
	}
	if err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitContent
	}
	site := &devserver.Site{}
	if err := site.Set(res.Files); err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitContent
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitUsage
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "serving %d councils on http://%s/ (Ctrl-C to stop)\n", len(res.Site.Councils), ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitContent
	}
	return exitOK
}
