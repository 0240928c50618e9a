package publish

import (
	"errors"
	"runtime"
	"sync"
)

// Each calls put for 0 to n-1 on all processors, and returns the errors
// it gave; a processor stops at its first error. It is how a build writes
// the many small files it makes one for each council.
func Each(n int, put func(i int) error) error {
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for i := w; i < n && errs[w] == nil; i += len(errs) {
				errs[w] = put(i)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
