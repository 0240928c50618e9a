package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"gopkg.in/yaml.v3"
)

// sectionNames are the top-level keys that hold answers.
var sectionNames = func() []string {
	out := make([]string, len(offer.Sections))
	for i, s := range offer.Sections {
		out[i] = s.Key
	}
	return out
}()

// sourced reads a key that councils and joint offers share: default_src,
// sources, or a section of answers. It reports whether p was one of them.
func (d *decoder) sourced(p pair, s *offer.Sourced) bool {
	switch {
	case p.name == "default_src":
		s.DefaultSrc = d.ref(p.v, p.name)
	case p.name == "sources":
		s.Sources = d.sources(p.v)
	case slices.Contains(sectionNames, p.name):
		d.questions(p.v, p.name, &s.Answers)
	default:
		return false
	}
	return true
}

// council reads a council file's frontmatter.
func (d *decoder) council(root *yaml.Node, c *offer.Council) {
	c.Answers = offer.Answers{}
	allowed := append(slices.Clip(offer.CouncilKeys), sectionNames...)
	seen := map[string]bool{}
	var tierNode, parentNode *yaml.Node
	for _, p := range d.pairs(root, "") {
		if d.exhausted(p.v) {
			return
		}
		seen[p.name] = true
		switch p.name {
		case "schema":
			d.integer(p.v, p.name, "schema version 1", 1, 1)
		case "gss":
			c.GSS = d.gss(p.v, p.name)
		case "name":
			c.Name = d.text(p.v, p.name)
		case "short_name":
			c.ShortName = d.text(p.v, p.name)
		case "tier":
			tierNode = p.v
			c.Tier = d.choice(p.v, p.name, tierWords)
		case "parent":
			parentNode = p.v
			c.Parent = d.gss(p.v, p.name)
		case "region":
			c.Region = d.choice(p.v, p.name, offer.Regions)
		case "website":
			c.Website = d.link(p.v, p.name)
		case "places":
			c.Places = d.list(p.v, p.name)
		case "aka":
			c.AKA = d.list(p.v, p.name)
		case "updated":
			c.Updated = d.date(p.v, p.name, false)
		case "checked":
			c.Checked = d.date(p.v, p.name, false)
		case "ended":
			c.Ended = d.date(p.v, p.name, true)
		case "successor":
			c.Successor = d.successor(p.v, p.name)
		case "contacts":
			c.Contacts = d.contacts(p.v, c)
		default:
			if !d.sourced(p, &c.Sourced) {
				d.unknownKey(p, "", allowed)
			}
		}
	}
	for _, k := range offer.RequiredKeys {
		if !seen[k] {
			d.errorf(root, "", "missing required key %q", k)
		}
	}
	if c.ShortName == "" {
		c.ShortName = c.Name
	}
	if tierNode != nil && c.Tier != "" && c.GSS != "" && !strings.HasPrefix(c.GSS, offer.Tiers[c.Tier]) {
		d.errorf(tierNode, "tier", "a %s has a gss code starting %s, but gss is %s", c.Tier, offer.Tiers[c.Tier], c.GSS)
	}
	switch {
	case c.Tier == "district" && parentNode == nil:
		d.errorf(root, "parent", "missing: a district needs the gss code of its county")
	case c.Tier != "district" && c.Tier != "" && parentNode != nil:
		d.errorf(parentNode, "parent", "only a district has a parent county, and this council is a %s", c.Tier)
	}
	if c.Successor != "" && c.Ended.IsZero() {
		d.errorf(root, "ended", "missing: a council with a successor needs the date it ended")
	}
	if !c.Ended.IsZero() && c.DefaultSrc == "" {
		d.errorf(root, "ended", "no source: add default_src, naming the document that says the council ends")
	}
	d.checkRefs(&c.Sourced)
	councilFirst(&c.Sourced)
	shareSourceIDs(&c.Sourced)
}

// successor reads the council that takes over: its gss code, or its name if
// it has no code yet.
func (d *decoder) successor(n *yaml.Node, path string) string {
	if s, ok := d.scalar(n, path, "a gss code or a council's name"); ok && looksLikeGSS(s) {
		return d.gss(n, path)
	}
	return d.text(n, path)
}

// looksLikeGSS reports whether s has the shape of a GSS code from any UK
// nation (E, W, S or N and eight digits), as opposed to a council's name.
func looksLikeGSS(s string) bool {
	return len(s) == 9 && s[0] >= 'A' && s[0] <= 'Z' && strings.Trim(s[1:], "0123456789") == ""
}

// joint reads a joint offer's frontmatter.
func (d *decoder) joint(root *yaml.Node, j *offer.Joint) {
	j.Answers = offer.Answers{}
	j.Confirmed = true
	allowed := append(slices.Clip(offer.JointKeys), sectionNames...)
	var membersNode *yaml.Node
	for _, p := range d.pairs(root, "") {
		if d.exhausted(p.v) {
			return
		}
		switch p.name {
		case "name":
			j.Name = d.text(p.v, p.name)
		case "area":
			j.Area = d.text(p.v, p.name)
		case "members":
			membersNode = p.v
			for i, code := range d.list(p.v, p.name) {
				if !gssPattern.MatchString(code) {
					d.errorf(d.resolve(p.v.Content[i]), fmt.Sprintf("members[%d]", i), "want a gss code like E07000098, got %q", code)
					continue
				}
				d.members = append(d.members, sourceRef{code, fmt.Sprintf("members[%d]", i), p.v.Content[i]})
				j.Members = append(j.Members, code)
			}
		case "member_count":
			j.MemberCount, _ = d.integer(p.v, p.name, "a number of councils, 2 or more", 2, 1000)
		case "started":
			j.Started = d.text(p.v, p.name)
		case "confirmed":
			j.Confirmed = d.boolean(p.v, p.name)
		default:
			if !d.sourced(p, &j.Sourced) {
				d.unknownKey(p, "", allowed)
			}
		}
	}
	if j.Name == "" {
		d.errorf(root, "", "missing required key %q", "name")
	}
	if j.MemberCount == 0 {
		j.MemberCount = len(j.Members)
	}
	if membersNode != nil && j.MemberCount < len(j.Members) {
		d.errorf(membersNode, "members", "lists %d councils, but member_count is %d", len(j.Members), j.MemberCount)
	}
	d.checkRefs(&j.Sourced)
	councilFirst(&j.Sourced)
	shareSourceIDs(&j.Sourced)
}

// tierWords are the tiers in the order messages list them.
var tierWords = slices.Sorted(slices.Values(offer.TierOrder))

// shareSourceIDs points each answer's source id at its source's own: a
// file's answers cite a few sources, and a large directory would otherwise
// keep a copy of the id for each of millions of answers.
func shareSourceIDs(c *offer.Sourced) {
	share := func(a *offer.Answer) {
		if src := c.SourceByID(a.Src); src != nil {
			a.Src = src.ID
		}
	}
	for _, a := range c.Answers.All() {
		share(a)
		for _, x := range a.Also() {
			share(x)
		}
	}
}

// councilFirst orders each question's answers from sources that disagree so
// that the council's own come before those a newspaper or campaign reported.
// The file is read by then, so the answers' list lets go of its spare room.
func councilFirst(c *offer.Sourced) {
	c.Answers.Clip()
	for key, a := range c.Answers.All() {
		if len(a.Also()) == 0 {
			continue
		}
		all := append([]*offer.Answer{a}, a.Also()...)
		slices.SortStableFunc(all, func(x, y *offer.Answer) int {
			return boolRank(secondary(c, x)) - boolRank(secondary(c, y))
		})
		for _, x := range all {
			if x.More != nil {
				if x.More.Also = nil; x.More.IsZero() {
					x.More = nil
				}
			}
		}
		all[0].Extend().Also = all[1:]
		c.Answers.Set(key, all[0])
	}
}

func secondary(c *offer.Sourced, a *offer.Answer) bool {
	src := c.SourceOf(a)
	return src != nil && src.Secondary()
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkRefs reports cited source ids that the file does not define, and
// answers with no source at all.
func (d *decoder) checkRefs(c *offer.Sourced) {
	var ids []string
	for _, s := range c.Sources {
		ids = append(ids, s.ID)
	}
	for _, r := range d.refs {
		if r.id != "" && !slices.Contains(ids, r.id) {
			defined := "defines no sources"
			if len(ids) > 0 {
				defined = "defines " + quoteList(ids)
			}
			d.errorf(r.n, r.key, "unknown source %q (this file %s)", r.id, defined)
		}
	}
	for _, r := range d.quoted {
		if src := c.SourceOf(r.a); src != nil && r.a.Quote == "" && (src.URL != "" || slices.Contains(offer.WebTypes, src.Type)) {
			d.errorf(r.n, r.key, "no quote: an answer from a web page needs a quote of the page's own words that back it, at most %d words", offer.QuoteWords)
		}
	}
	if c.DefaultSrc == "" {
		for _, r := range d.unsourced {
			if q := offer.Lookup(r.key); q != nil && !q.Kind.IsAnswer() {
				// A text, link, date or other single value has no src of its own.
				d.errorf(r.n, r.key, "no source: add default_src to the file")
				continue
			}
			d.errorf(r.n, r.key, "no source: add src to the answer, or default_src to the file")
		}
	}
}

// quoteList writes "a", "b" and "c".
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

var idPattern = regexp.MustCompile(offer.IDPattern)

// sources reads the list of documents answers come from.
func (d *decoder) sources(n *yaml.Node) []offer.Source {
	var out []offer.Source
	seen := map[string]int{}
	d.items(n, "sources", func(i int, at string, item *yaml.Node, pairs []pair) {
		var s offer.Source
		var idNode, titleNode, urlNode *yaml.Node
		for _, p := range pairs {
			path := join(at, p.name)
			switch p.name {
			case "id":
				idNode = p.v
				s.ID = d.text(p.v, path)
				if s.ID != "" && !idPattern.MatchString(s.ID) {
					d.errorf(p.v, path, "want an id of lower-case letters, digits and dashes, got %q", s.ID)
				}
			case "type":
				s.Type = d.choice(p.v, path, offer.SourceTypes)
			case "title":
				titleNode = p.v
				s.Title = d.text(p.v, path)
			case "publisher":
				s.Publisher = d.text(p.v, path)
			case "ref":
				s.Ref = d.text(p.v, path)
			case "campaign":
				s.Campaign = d.text(p.v, path)
			case "received":
				s.Received = d.date(p.v, path, false)
			case "responded":
				s.Responded = d.date(p.v, path, false)
			case "published":
				s.Published = d.date(p.v, path, false)
			case "updated":
				s.Updated = d.date(p.v, path, false)
			case "meeting":
				s.Meeting = d.date(p.v, path, false)
			case "retrieved":
				s.Retrieved = d.date(p.v, path, false)
			case "url":
				urlNode = p.v
				s.URL = d.link(p.v, path)
			case "licence":
				s.Licence = d.text(p.v, path)
			case "note":
				s.Note = d.text(p.v, path)
			default:
				d.unknownKey(p, at, offer.SourceKeys)
			}
		}
		switch {
		case idNode == nil:
			d.errorf(item, at, "missing id")
		case seen[s.ID] > 0:
			d.errorf(idNode, join(at, "id"), "id %q is also used by sources[%d]", s.ID, seen[s.ID]-1)
		default:
			seen[s.ID] = i + 1
		}
		if titleNode == nil {
			d.errorf(item, at, "missing title")
		}
		if slices.Contains(offer.WebTypes, s.Type) {
			if urlNode == nil {
				d.errorf(item, at, "missing url: a source of type %s is a web page, so give its exact address", s.Type)
			}
			if s.Publisher == "" {
				d.errorf(item, at, "missing publisher: say who published the page, such as the council, a newspaper or a campaign")
			}
		}
		out = append(out, s)
	})
	return out
}

// contacts reads the council's contacts, refusing a person's own mobile
// number or e-mail address.
func (d *decoder) contacts(n *yaml.Node, c *offer.Council) []offer.Contact {
	var out []offer.Contact
	d.items(n, "contacts", func(_ int, at string, item *yaml.Node, pairs []pair) {
		var ct offer.Contact
		var roleNode, emailNode *yaml.Node
		for _, p := range pairs {
			path := join(at, p.name)
			switch p.name {
			case "role":
				roleNode = p.v
				ct.Role = d.choice(p.v, path, offer.ContactRoles)
			case "name":
				ct.Name = d.text(p.v, path)
			case "title":
				ct.Title = d.text(p.v, path)
			case "email":
				emailNode = p.v
				ct.Email = d.text(p.v, path)
				if ct.Email != "" && (checkLink("mailto:"+ct.Email) != "" || !strings.Contains(ct.Email, "@")) {
					d.errorf(p.v, path, "want an e-mail address, got %q", ct.Email)
				}
			case "phone":
				ct.Phone = d.text(p.v, path) // text refuses a mobile number
			case "url":
				ct.URL = d.link(p.v, path)
			case "status":
				ct.Status = d.status(p.v, path)
			case "details":
				ct.Details = d.text(p.v, path)
			case "src":
				ct.Src = d.ref(p.v, path)
			case "quote":
				ct.Quote = d.quote(p.v, path)
			default:
				d.unknownKey(p, at, offer.ContactKeys)
			}
		}
		if roleNode == nil {
			d.errorf(item, at, "missing role")
		}
		if emailNode != nil && privacyProblems(ct.Email) == nil && personal(ct.Email, ct.Name) {
			d.errorf(emailNode, join(at, "email"), "%q looks like %s's own address: publish a team inbox, never a person's own", ct.Email, ct.Name)
		}
		out = append(out, ct)
	})
	return out
}

// personal reports whether an e-mail address contains part of the contact's
// name, as firstname.lastname@ addresses do.
func personal(email, name string) bool {
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	for _, part := range strings.Fields(strings.ToLower(name)) {
		if len(part) >= 3 && strings.Contains(local, part) {
			return true
		}
	}
	return false
}
