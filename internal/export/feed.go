package export

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// MaxFeedEntries is the most councils the feed lists.
const MaxFeedEntries = 50

// AtomFeed is an Atom 1.0 feed (RFC 4287).
type AtomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []AtomLink  `xml:"link"`
	Author   AtomPerson  `xml:"author"`
	Entries  []AtomEntry `xml:"entry"`
}

// AtomLink is a link of a feed or an entry.
type AtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

// AtomPerson is a feed's author.
type AtomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

// AtomEntry is one council in the feed.
type AtomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    AtomLink `xml:"link"`
	Summary AtomText `xml:"summary"`
}

// AtomText is a text construct.
type AtomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

// Feed writes an Atom feed of the councils whose files were updated (their
// updated: dates), newest first, at most MaxFeedEntries. Each entry's id is
// the council page's absolute address, so a council that is updated again
// shows as the same entry, updated. The feed's own updated date is its
// newest entry's, so that builds stay reproducible; a feed with no entries
// takes the build's date.
func Feed(s *site.Site) []byte {
	summaries := make([]string, len(s.Councils))
	for i, c := range s.Councils {
		if !c.LastChanged().IsZero() {
			summaries[i] = summary(c)
		}
	}
	return siteAtom(s, summaries).file()
}

// siteAtom is the site's feed, given each council's summary in the order
// of s.Councils.
func siteAtom(s *site.Site, summaries []string) AtomFeed {
	sum := make(map[*site.Council]string, len(s.Councils))
	for i, c := range s.Councils {
		sum[c] = summaries[i]
	}
	var councils []*site.Council
	for _, c := range s.Councils {
		if !c.LastChanged().IsZero() {
			councils = append(councils, c)
		}
	}
	slices.SortFunc(councils, func(a, b *site.Council) int {
		return cmp.Or(b.LastChanged().Compare(a.LastChanged()),
			strings.Compare(a.Name, b.Name), strings.Compare(a.GSS, b.GSS))
	})
	if len(councils) > MaxFeedEntries {
		councils = councils[:MaxFeedEntries]
	}
	base := baseURL(s)
	f := AtomFeed{
		Title:    s.Config.Title + ": updated councils",
		Subtitle: "Councils whose answers last changed on this site, newest first, each on the day of its change. Each council's page has a feed of its own changes.",
		ID:       base + FeedFile,
		Updated:  buildDay(s),
		Links: []AtomLink{
			{Href: base + FeedFile, Rel: "self", Type: "application/atom+xml"},
			{Href: base, Rel: "alternate", Type: "text/html"},
		},
		Author: AtomPerson{Name: s.Config.Title, URI: s.Config.Repository},
	}
	for i, c := range councils {
		page := PageURL(s, c.Path()+"index.html")
		updated := rfc3339(c.LastChanged())
		if i == 0 {
			f.Updated = updated
		}
		f.Entries = append(f.Entries, AtomEntry{
			Title:   c.Name,
			ID:      page,
			Updated: updated,
			Link:    AtomLink{Href: page, Rel: "alternate", Type: "text/html"},
			Summary: AtomText{Type: "text", Text: strings.TrimSpace(latest(c) + " " + sum[c])},
		})
	}
	return f
}

// latest says the council's latest change in words, if the history has one.
func latest(c *site.Council) string {
	if len(c.Changes) == 0 {
		return ""
	}
	return "Latest change: " + strings.Join(wording.ChangeLines(c.Changes[0]), "; ") + "."
}

// CouncilFeedFile is a council's own feed, in its page's folder.
func CouncilFeedFile(c *site.Council) string { return c.Path() + FeedFile }

// CouncilFeed is a council's own Atom feed: every change to its answers
// that the content's history holds, newest first, each with its real date
// and the old and new answers in words. Without history, its one entry is
// the day the council's file says its facts were last checked.
func CouncilFeed(s *site.Site, c *site.Council) []byte {
	return councilAtom(s, c, summary(c)).file()
}

// putCouncilFeed puts a council's feed in sink, given its summary.
func putCouncilFeed(sink publish.Sink, s *site.Site, c *site.Council, summary string) error {
	return sink.Put(CouncilFeedFile(c), councilAtom(s, c, summary).file())
}

// councilAtom is a council's feed, given its summary.
func councilAtom(s *site.Site, c *site.Council, summary string) AtomFeed {
	base := baseURL(s)
	page := PageURL(s, c.Path()+"index.html")
	self := base + CouncilFeedFile(c)
	alternate := AtomLink{Href: page, Rel: "alternate", Type: "text/html"}
	f := AtomFeed{
		Title:    "Changes to " + c.Name + "'s offer for care leavers",
		Subtitle: "Each change to " + c.ShortName + "'s answers on " + s.Config.Title + ", with the answer before and after, newest first.",
		ID:       self,
		Links: []AtomLink{
			{Href: self, Rel: "self", Type: "application/atom+xml"},
			alternate,
		},
		Author: AtomPerson{Name: s.Config.Title, URI: s.Config.Repository},
	}
	for _, e := range c.Changes {
		f.Entries = append(f.Entries, AtomEntry{
			Title:   wording.ChangeTitle(e),
			ID:      page + "#change-" + e.Commit[:min(12, len(e.Commit))],
			Updated: rfc3339(e.Date),
			Link:    alternate,
			Summary: AtomText{Type: "text", Text: strings.Join(wording.ChangeLines(e), "\n")},
		})
	}
	if len(f.Entries) == 0 && !c.Updated.IsZero() {
		f.Entries = append(f.Entries, AtomEntry{
			Title:   c.ShortName + "'s facts checked against their sources",
			ID:      page + "#checked-" + c.Updated.String(),
			Updated: rfc3339(c.Updated.FirstDay()),
			Link:    alternate,
			Summary: AtomText{Type: "text", Text: summary},
		})
	}
	f.Updated = buildDay(s)
	if len(f.Entries) > 0 {
		f.Updated = f.Entries[0].Updated
	}
	return f
}

// summary says how much is known about a council's offer and how recent
// its newest dated answer is.
func summary(c *site.Council) string { return summaryOf(c, Facts(c)) }

// summaryOf is summary, from the council's facts.
func summaryOf(c *site.Council, facts []Fact) string {
	known := 0
	var newest offer.Date
	for _, f := range facts {
		if f.Row == nil {
			continue
		}
		known++
		if d := f.Row.AsOf; !d.IsZero() && (newest.IsZero() || d.Time().After(newest.Time())) {
			newest = d
		}
	}
	s := fmt.Sprintf("Updated %s. %d of %d questions have a known answer for people living here.",
		c.Updated.Words(), known, len(offer.Catalogue))
	switch {
	case known == 0:
		s = fmt.Sprintf("Updated %s. No answers are known yet for people living here.", c.Updated.Words())
	case newest.IsZero():
		s += " The sources give no dates."
	default:
		s += " The newest answer is dated " + newest.Words() + "."
	}
	return s
}

// buildDay is the build's day, for a feed with no entries to date it by.
func buildDay(s *site.Site) string {
	return rfc3339(time.Date(s.Now.Year(), s.Now.Month(), s.Now.Day(), 0, 0, 0, 0, time.UTC))
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
