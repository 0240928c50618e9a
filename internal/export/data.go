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

// dataOut are where the open data files go; any may be nil.
type dataOut struct {
	answers, councils, json io.Writer
}

// writeData writes answers.csv, councils.csv and offers.json to out. Each
// council's facts are worked out once for all the files, on all processors,
// a batch of councils at a time, and written in GSS order, so the files are
// the same whatever the number of processors.
func writeData(s *site.Site, out dataOut) error {
	var aw, cw, jw *bufio.Writer
	if out.answers != nil {
		aw = bufio.NewWriterSize(out.answers, 256<<10)
		aw.Write(header(AnswerColumns))
	}
	if out.councils != nil {
		cw = bufio.NewWriterSize(out.councils, 64<<10)
		cw.Write(header(CouncilColumns, HeadlineColumns, LawColumns))
	}
	if out.json != nil {
		head, err := jsonHead(s)
		if err != nil {
			return err
		}
		jw = bufio.NewWriterSize(out.json, 256<<10)
		jw.Write(head)
	}
	councils := byGSS(s)
	type part struct {
		answers, councils, json, line bytes.Buffer
		err                           error
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
					p.answers.Reset()
					p.councils.Reset()
					p.json.Reset()
					c := councils[start+i]
					if aw != nil {
						p.err = councilAnswers(&p.answers, c)
					}
					if cw == nil && jw == nil || p.err != nil {
						continue
					}
					facts := Facts(c)
					if cw != nil {
						p.err = councilRow(&p.councils, s, c, facts)
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
			for _, w := range []struct {
				to   *bufio.Writer
				from *bytes.Buffer
			}{{aw, &parts[i].answers}, {cw, &parts[i].councils}, {jw, &parts[i].json}} {
				if w.to != nil {
					w.to.Write(w.from.Bytes())
				}
			}
		}
	}
	if aw != nil {
		var b bytes.Buffer
		if err := jointAnswers(&b, s); err != nil {
			return err
		}
		aw.Write(b.Bytes())
	}
	if jw != nil {
		jw.WriteString(jsonTail)
	}
	for _, w := range []*bufio.Writer{aw, cw, jw} {
		if w != nil {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}
