package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"sync"

	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
)

// batch is how many councils the data files are worked out for at a time:
// enough to keep every processor busy (a build makes pages meanwhile, which
// fill any wait at a batch's end), few enough that their rows are small and
// the room they took is used again for the next batch, not new memory.
const batch = 32

// dataOut are where the open data files go; any may be nil. With a sink,
// each council's feed goes there too, and each, if set, is called with each
// council and its composed sections, from many goroutines at once.
type dataOut struct {
	answers, councils, json io.Writer
	sink                    publish.Sink
	each                    Each
}

// Each is called with each council and the composed view of its page
// (site.Council.Sections), worked out once for the exports and for what
// Each makes; see Data.
type Each func(c *site.Council, sections []site.Section) error

// writeData writes answers.csv, councils.csv and offers.json to out. Each
// council's facts are worked out once for all the files, on all processors,
// a batch of councils at a time, and written in GSS order, so the files are
// the same whatever the number of processors. It returns each council's
// summary, in the order of s.Councils, when out has a sink.
func writeData(s *site.Site, out dataOut) ([]string, error) {
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
			return nil, err
		}
		jw = bufio.NewWriterSize(out.json, 256<<10)
		jw.Write(head)
	}
	councils := byGSS(s)
	var summaries []string
	if out.sink != nil {
		summaries = make([]string, len(s.Councils))
	}
	type part struct {
		answers, councils, json, line bytes.Buffer
		answersCSV, councilsCSV       *csv.Writer // to answers and councils
		err                           error
	}
	// one works out the council at place k in GSS order into p, and puts
	// its feed and whatever each makes in the sink.
	one := func(p *part, k int) error {
		if p.answersCSV == nil {
			p.answersCSV, p.councilsCSV = newCSV(&p.answers), newCSV(&p.councils)
		}
		p.answers.Reset()
		p.councils.Reset()
		p.json.Reset()
		c := councils[k].Council
		if aw != nil {
			if err := councilAnswers(p.answersCSV, c); err != nil {
				return err
			}
		}
		if cw == nil && jw == nil && out.sink == nil {
			return nil
		}
		sections := c.Sections()
		facts := factsOf(c, sections)
		if cw != nil {
			if err := councilRow(p.councilsCSV, s, c, facts); err != nil {
				return err
			}
		}
		if jw != nil {
			if k > 0 {
				p.json.WriteByte(',')
			}
			if err := councilJSON(&p.json, &p.line, c, facts); err != nil {
				return err
			}
		}
		if out.sink == nil {
			return nil
		}
		sum := summaryOf(c, facts)
		summaries[councils[k].at] = sum
		if err := putCouncilFeed(out.sink, s, c, sum); err != nil {
			return err
		}
		if out.each != nil {
			return out.each(c, sections)
		}
		return nil
	}
	parts := make([]part, min(batch, len(councils)))
	for start := 0; start < len(councils); start += batch {
		n := min(batch, len(councils)-start)
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Go(func() {
				for i := w; i < n; i += workers {
					parts[i].err = one(&parts[i], start+i)
				}
			})
		}
		wg.Wait()
		for i := range n {
			if parts[i].err != nil {
				return nil, parts[i].err
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
		if err := jointAnswers(newCSV(&b), s); err != nil {
			return nil, err
		}
		aw.Write(b.Bytes())
	}
	if jw != nil {
		jw.WriteString(jsonTail)
	}
	for _, w := range []*bufio.Writer{aw, cw, jw} {
		if w != nil {
			if err := w.Flush(); err != nil {
				return nil, err
			}
		}
	}
	return summaries, nil
}
