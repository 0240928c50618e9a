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
	commands["serve"] = command{"preview the site, rebuilding and reloading as you edit", runServe}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", stderr)
	root := fs.String("root", ".", "project folder holding content/, layouts/ and static/")
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; it stays on this machine unless you give another, such as :1313")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if _, err := today(); err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitUsage
	}
	live := devserver.NewLive(*root, func() time.Time { t, _ := today(); return t })
	now, _ := today()
	live.Options = []build.Option{build.WithHistory(readHistory("localoffer serve", *root, now, stderr))}
	live.OnWatchError = func(err error) { fmt.Fprintln(stderr, "localoffer serve: watching:", err, "(rebuilding to catch up)") }
	first := true
	live.OnBuild = func(res *build.Result, err error, took time.Duration) {
		if res != nil {
			report(stderr, res.Problems.Errors())
			summarise(stderr, res.Problems.Warnings(), "localoffer check -v")
		}
		if err != nil {
			if first {
				fmt.Fprintln(stderr, "build failed; the pages show the errors until you fix them")
			} else {
				fmt.Fprintln(stderr, "build failed; pages from the files with errors show them, the others the last good build")
			}
			return
		}
		first = false
		fmt.Fprintf(stdout, "built %d councils in %s\n", len(res.Site.Councils), took.Round(time.Millisecond))
	}
	live.Build() // a broken first build still serves, showing its errors

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: live, ReadHeaderTimeout: 10 * time.Second}
	watching := make(chan error, 1)
	go func() { watching <- live.Watch(ctx) }()
	go func() {
		<-ctx.Done()
		live.Close()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "serving on http://%s/ and rebuilding as you edit (Ctrl-C to stop)\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "localoffer serve:", err)
		return exitContent
	}
	stop()
	if err := <-watching; err != nil {
		fmt.Fprintln(stderr, "localoffer serve: watching:", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}
