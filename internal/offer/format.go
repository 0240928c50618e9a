package offer

// The keys of a content file besides the catalogue's questions. The content
// checker reads them and the JSON Schema for editors is made from them, so
// both always agree.
var (
	// CouncilKeys are a council file's top-level keys besides the sections.
	CouncilKeys = []string{"schema", "gss", "name", "short_name", "tier", "parent", "region", "website",
		"places", "aka", "updated", "checked", "ended", "successor", "default_src", "sources", "contacts"}
	// RequiredKeys are the keys every council file must have.
	RequiredKeys = []string{"gss", "name", "tier", "region"}
	// JointKeys are a joint offer file's top-level keys besides the sections.
	JointKeys = []string{"name", "area", "members", "member_count", "started", "confirmed", "default_src", "sources"}
	// SourceKeys are the keys of each entry of sources.
	SourceKeys = []string{"id", "type", "title", "publisher", "ref", "campaign", "received", "responded", "published", "updated", "meeting", "retrieved", "url", "licence", "note"}
	// ContactKeys are the keys of each entry of contacts.
	ContactKeys = []string{"role", "name", "title", "email", "phone", "url", "status", "details", "src", "quote"}
	// AnswerFields are the keys every answer may have; a question's Extra adds more.
	AnswerFields = []string{"status", "basis", "scope", "from_age", "to_age", "gbp", "count", "pct", "approx", "up_to", "at_least", "means_tested", "per", "condition", "details", "apply", "src", "as_of", "quote"}
	// GroupKeys are the keys of each children in care council in groups.
	GroupKeys = []string{"name", "ages", "regular_attendees"}
	// TierOrder lists the tiers from the top down.
	TierOrder = []string{"county", "district", "unitary", "metropolitan_borough", "london_borough", "city_corporation"}
)

// Patterns that values must match.
const (
	// GSSPattern is an English principal council's ONS code.
	GSSPattern = `^E(0[6-9]|10)[0-9]{6}$`
	// IDPattern is a source id or a file name: lower-case words and dashes.
	IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	// LinkPattern is a link a browser accepts as written: an http or https
	// address whose host is a name and whose path, query and fragment hold
	// only the characters a URL may hold (so no spaces, brackets or quotes,
	// and % only before two hex digits), or a mailto or tel link.
	LinkPattern = `^([Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]([A-Za-z0-9._~:/?#@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)?|[Mm][Aa][Ii][Ll][Tt][Oo]:[^\s<>"\[\]]+|[Tt][Ee][Ll]:[^\s<>"]+)$`
)

// SectionByKey returns the section with that key, or nil.
func SectionByKey(key string) *Section {
	for i := range Sections {
		if Sections[i].Key == key {
			return &Sections[i]
		}
	}
	return nil
}

// ForTier returns the questions a council of the given tier answers, in
// catalogue order.
func ForTier(tier string) []*Question {
	var out []*Question
	for i := range Catalogue {
		if q := &Catalogue[i]; q.ProvidedBy(tier) {
			out = append(out, q)
		}
	}
	return out
}
