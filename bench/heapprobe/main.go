package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/site"
)

func main() {
	fsys := os.DirFS(os.Args[1])
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	cfg, _ := site.LoadConfig(fsys)
	set, _ := content.Load(fsys, now)
	s := site.New(set, cfg, now)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("live heap MB", m.HeapAlloc>>20)
	f, _ := os.Create(os.Args[2])
	pprof.Lookup("heap").WriteTo(f, 0)
	f.Close()
	runtime.KeepAlive(s)
}
