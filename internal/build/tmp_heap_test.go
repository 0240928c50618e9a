package build_test

import (
	"bytes"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/build"
)

func TestTmpHeap(t *testing.T) {
	var mu sync.Mutex
	var best uint64
	var bestProf []byte
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(1500 * time.Millisecond):
			}
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			if m.HeapInuse > best {
				best = m.HeapInuse
				var b bytes.Buffer
				pprof.Lookup("heap").WriteTo(&b, 0)
				bestProf = b.Bytes()
			}
			mu.Unlock()
		}
	}()
	if _, err := build.Write(os.DirFS("/tmp/p10k"), now, t.TempDir()+"/out"); err != nil {
		t.Fatal(err)
	}
	close(stop)
	mu.Lock()
	os.WriteFile("/tmp/prof/heapbuild.out", bestProf, 0o644)
	t.Logf("max heap in use %d MB", best>>20)
	mu.Unlock()
}
