package export

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"sync"

	"github.com/localoffer/localoffer/internal/site"
)

// batch is how many councils the data files are worked out for at a time:
// enough to keep every processor busy, few enough that their rows are small
// next to the whole file.
const batch = 256

// writeData writes offers.csv to csvOut and offers.json to jsonOut, either
// of which may be nil. Each council's facts are worked out once for both
// files, on all processors, a batch of councils at a time, and written in
// GSS order, so the files are the same whatever the number of processors.
func writeData(s *site.Site, csvOut, jsonOut io.Writer) error {
	var cw, jw *bufio.Writer
	if csvOut != nil {
		cw = bufio.NewWriterSize(csvOut, 256<<10)
		cw.Write(csvHeader())
	}
	if jsonOut != nil {
		head, err := jsonHead(s)
		if err != nil {
			return err
		}
		jw = bufio.NewWriterSize(jsonOut, 256<<10)
		jw.Write(head)
	}
	councils := byGSS(s)
	type part struct {
		csv, json, line bytes.Buffer
		err             error
	}
	parts := make([]part, min(batch, len(councils)))
	for start := 0; start < len(councils); start += batch {
		n := min(batch, len(councils)-start)
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Go(func() {
				for i := w; i < n; i += workers {
					p := &parts[i]
					p.csv.Reset()
					p.json.Reset()
					c := councils[start+i]
					facts := Facts(c)
					if cw != nil {
						p.err = councilCSV(&p.csv, c, facts)
					}
					if jw != nil && p.err == nil {
						if start+i > 0 {
							p.json.WriteByte(',')
						}
						p.err = councilJSON(&p.json, &p.line, c, facts)
					}
				}
			})
		}
		wg.Wait()
		for i := range n {
			if parts[i].err != nil {
				return parts[i].err
			}
			if cw != nil {
				cw.Write(parts[i].csv.Bytes())
			}
			if jw != nil {
				jw.Write(parts[i].json.Bytes())
			}
		}
	}
	if cw != nil {
		if err := cw.Flush(); err != nil {
			return err
		}
	}
	if jw != nil {
		jw.WriteString(jsonTail)
		return jw.Flush()
	}
	return nil
}
