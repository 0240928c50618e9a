package offer

// The law's checklist: the areas that section 2 of the Children and Social
// Work Act 2017 says a council's local offer for care leavers must cover,
// as widened by section 8 of the Children's Wellbeing and Schools Act 2026,
// and the catalogue's questions whose answers show what an offer says
// about each.

// Law is a provision that sets areas an offer must cover, with where its
// words and its start are written.
type Law struct {
	Key   string // "2017" or "2026"
	Title string // the Act and section, as people cite it
	// Enacted is when the Act was passed; InForce is when the provision
	// began to apply, zero while no regulations have brought it into force.
	Enacted, InForce Date
	// Start says when the requirement began or begins, in a sentence,
	// and StartSource cites it, with StartQuote its own words.
	Start       string
	Since       string // the same in a few words, beside each of its areas
	StartSource Source
	StartQuote  string
	// Text is the provision's own text.
	Text Source
}

// Area is one area an offer must cover.
type Area struct {
	Key     string // its column in councils.csv: law.<Key>
	Title   string // in plain words
	Section string // the subsection that lists it, as cited: "s.2(2)(a)"
	Law     *Law
	// Words are the law's own words for the area, for the FOI request.
	Words string
	// Evidence are the questions whose "yes" shows that the offer speaks
	// of the area: Help managing money shows financial literacy.
	Evidence []string
	// Direct is the question that asks outright whether the offer sets the
	// area out, if the catalogue has one.
	Direct string
}

// Laws are the two provisions, oldest first.
var Laws = []*Law{law2017, law2026}

var law2017 = &Law{
	Key:     "2017",
	Title:   "Children and Social Work Act 2017, section 2",
	Enacted: Date{Year: 2017, Month: 4, Day: 27},
	InForce: Date{Year: 2018, Month: 4, Day: 1},
	Start:   "In force since 1 April 2018.",
	Since:   "since 1 April 2018",
	StartSource: Source{Type: "legislation", Title: "The Children and Social Work Act 2017 (Commencement No. 3) Regulations 2018, regulation 4",
		Publisher: "UK Government (SI 2018/346)", Published: Date{Year: 2018, Month: 3, Day: 1},
		URL: "https://beta.bailii.org/uk/legis/num_reg/2018/uksi_2018346_en_1.html"},
	StartQuote: "The following provisions of the Act come into force on 1st April 2018- … (b)section 2 (local offer for care leavers);",
	Text: Source{Type: "legislation", Title: "Children and Social Work Act 2017, section 2: local offer for care leavers",
		Publisher: "legislation.gov.uk", URL: "https://www.legislation.gov.uk/ukpga/2017/16/section/2"},
}

var law2026 = &Law{
	Key:     "2026",
	Title:   "Children's Wellbeing and Schools Act 2026, section 8",
	Enacted: Date{Year: 2026, Month: 4, Day: 29},
	Start: "Added by the Act passed on 29 April 2026. It comes into force on a day the Secretary of State sets by regulations; " +
		"we had found no such regulations by December 2026.",
	Since: "added 29 April 2026, not yet in force",
	StartSource: Source{Type: "legislation", Title: "Children's Wellbeing and Schools Act 2026, section 78: commencement",
		Publisher: "legislation.gov.uk", URL: "https://www.legislation.gov.uk/ukpga/2026/21/section/78/enacted"},
	StartQuote: "this Act comes into force on such day as the Secretary of State may by regulations made by statutory instrument appoint.",
	Text: Source{Type: "legislation", Title: "Children's Wellbeing and Schools Act 2026, section 8: local offer for care leavers",
		Publisher: "legislation.gov.uk", Published: Date{Year: 2026, Month: 4, Day: 29},
		URL: "https://www.legislation.gov.uk/ukpga/2026/21/section/8/enacted"},
}

// Areas are the areas in the order the law lists them: the six of 2017,
// then those the 2026 Act adds.
var Areas = areas(
	Area{Key: "health", Title: "Health and wellbeing", Section: "s.2(2)(a)", Law: law2017,
		Words:    "services relating to health and well-being",
		Evidence: []string{"health.health_info", "health.mental_health", "health.prescriptions", "health.dental", "leisure.free_access", "leisure.gym", "leisure.swimming"}},
	Area{Key: "relationships", Title: "Relationships", Section: "s.2(2)(b)", Law: law2017,
		Words:    "services relating to relationships",
		Evidence: []string{"relationships.peer_mentoring", "relationships.other_mentoring", "relationships.care_files_support", "participation.senior_mentoring"}},
	Area{Key: "education", Title: "Education and training", Section: "s.2(2)(c)", Law: law2017,
		Words:    "services relating to education and training",
		Evidence: []string{"education.he_support", "education.he_bursary", "education.he_accommodation", "education.fe_support", "education.virtual_school"}},
	Area{Key: "employment", Title: "Employment", Section: "s.2(2)(d)", Law: law2017,
		Words:    "services relating to employment",
		Evidence: []string{"work.work_experience", "work.interview_clothes", "work.travel_to_work", "work.ringfenced_apprenticeships", "work.business_pledges"}},
	Area{Key: "accommodation", Title: "Accommodation", Section: "s.2(2)(e)", Law: law2017,
		Words: "services relating to accommodation",
		Evidence: []string{"home.setup_allowance", "housing.priority_banding", "housing.local_connection_waived", "housing.taster_flat", "housing.guarantor",
			"housing.deposit", "housing.staying_put", "housing.staying_close", "housing.homelessness_prevention", "housing.custody_release", "housing.joint_protocol"}},
	Area{Key: "participation", Title: "Participation in society", Section: "s.2(2)(f)", Law: law2017,
		Words: "services relating to participation in society",
		Evidence: []string{"participation.meet_councillors", "participation.in_care_council", "participation.member_champions",
			"id_docs.ensure_on_leaving", "id_docs.voter_registration", "id_docs.bank_account", "id_docs.national_insurance", "id_docs.immigration_advice"}},
	Area{Key: "financial_literacy", Title: "Financial literacy", Section: "s.2(2)(g)", Law: law2026,
		Words:    "services relating to financial literacy",
		Evidence: []string{"money.financial_literacy"}, Direct: "offer.statutory_2026.financial_literacy"},
	Area{Key: "accommodation_planning", Title: "Planning ahead for housing and services", Section: "s.2(2A)(a)", Law: law2026,
		Words:    "your arrangements for anticipating the future needs of care leavers in respect of accommodation and services",
		Evidence: []string{"housing.staying_put", "housing.staying_close", "housing.taster_flat"}, Direct: "offer.statutory_2026.accommodation_planning"},
	Area{Key: "housing_cooperation", Title: "Working with housing authorities", Section: "s.2(2A)(b)", Law: law2026,
		Words:    "your arrangements for co-operating with local housing authorities in your area in assisting former relevant children aged under 25 to find and keep suitable accommodation",
		Evidence: []string{"housing.joint_protocol"}, Direct: "offer.statutory_2026.housing_cooperation"},
	Area{Key: "homelessness", Title: "Help if at risk of homelessness, and early help", Section: "s.2(2A)(c)(i) and (2B)", Law: law2026,
		Words:    "your arrangements for helping former relevant children aged under 25 who are at risk of homelessness to find and keep suitable accommodation, including early intervention to prevent them becoming homeless",
		Evidence: []string{"housing.homelessness_prevention"}, Direct: "offer.statutory_2026.homelessness_prevention"},
	Area{Key: "custody", Title: "A home on leaving custody", Section: "s.2(2A)(c)(ii)", Law: law2026,
		Words:    "your arrangements for helping former relevant children aged under 25 to find and keep suitable accommodation on their release from prison, a young offender institution or a secure training centre",
		Evidence: []string{"housing.custody_release"}, Direct: "offer.statutory_2026.custody_release"},
	Area{Key: "financial_support", Title: "Financial support", Section: "s.2(2A)(d)", Law: law2026,
		Words: "your arrangements for providing financial support for care leavers",
		Evidence: []string{"money.financial_support", "home.setup_allowance", "money.allowance_16_17", "money.clothing", "money.savings", "money.birthday",
			"money.festive", "money.emergency_payments", "education.he_bursary", "council_tax.care_council_pays", "council_tax.exempt"},
		Direct: "offer.statutory_2026.financial_support"},
	Area{Key: "service_access", Title: "Help to reach services", Section: "s.2(2A)(e)", Law: law2026,
		Words:    "your arrangements for assisting former relevant children aged under 25 to access services relating to health and well-being, relationships, education and training, employment, accommodation, participation in society and financial literacy",
		Evidence: []string{"services.over_21_service"}, Direct: "offer.statutory_2026.service_access"},
)

// areas checks the checklist against the catalogue: every question it
// names must be a yes/no or figure question; a mistake is a programming
// error.
func areas(as ...Area) []Area {
	for _, a := range as {
		for _, k := range append(a.Evidence, a.Direct) {
			if k == "" {
				continue
			}
			if q := Lookup(k); q == nil || !q.Kind.IsAnswer() {
				panic("offer: the law's area " + a.Key + " names " + k + ", which is not an answer question in the catalogue")
			}
		}
	}
	return as
}

// Cite is how a page cites the area's provision: "s.2(2)(g), added by the
// 2026 Act".
func (a *Area) Cite() string {
	if a.Law == law2026 {
		return a.Section + " of the 2017 Act, added by the 2026 Act"
	}
	return a.Section + " of the 2017 Act"
}

// Ask is the FOI request's question about the area, in the law's words.
func (a *Area) Ask() string {
	return "Does your published local offer for care leavers set out " + a.Words + " (" + a.Cite() + ")?"
}

// IsLawQuestion reports whether q asks outright whether an offer sets out
// one of the law's areas: pages show its answer in the checklist, and ask
// the area's own question instead of listing it as not known.
func IsLawQuestion(q *Question) bool { return lawQuestions[q.Key] }

var lawQuestions = func() map[string]bool {
	m := map[string]bool{}
	for i := range Catalogue {
		if q := &Catalogue[i]; len(q.Key) > len("offer.statutory_2026.") && q.Key[:len("offer.statutory_2026.")] == "offer.statutory_2026." {
			m[q.Key] = true
		}
	}
	return m
}()

// The FOI request asks about each area in the law's words (Area.Ask): a
// reply that answers it answers the area's own question, so `localoffer
// import` knows those words too.
func init() {
	for i := range Areas {
		if a := &Areas[i]; a.Direct != "" {
			Asked[a.Direct] = append(Asked[a.Direct], a.Ask())
		}
	}
}
