// Package offer holds the catalogue of questions that a care leavers' local
// offer answers, and the types that a council's answers decode into.
//
// The catalogue is the single list of questions in the project: decoding,
// validation, council pages, tables, exports and FOI request text all read it.
// Adding a question is one entry in Catalogue.
package offer

import (
	"slices"
	"strings"
)

// Kind is the kind of value a question takes.
type Kind int

const (
	// KindYesNo is an answer whose headline is its status (yes, no, ...).
	KindYesNo Kind = iota
	// KindMoney is an answer whose headline is an amount in whole pounds (gbp).
	KindMoney
	// KindCount is an answer whose headline is a number of things (count).
	KindCount
	// KindPercent is an answer whose headline is a percentage (pct).
	KindPercent
	// KindText is free text, such as a name or a short description.
	KindText
	// KindURL is a web address (http or https).
	KindURL
	// KindDate is a calendar date, 2020-02-04 (or 2020-02, or 2020).
	KindDate
	// KindList is a list of short texts.
	KindList
	// KindGSS is a council's ONS GSS code, such as E10000015.
	KindGSS
	// KindChoice is one of a fixed set of words, listed in Question.Choices.
	KindChoice
)

// IsAnswer reports whether values of this kind are answers: a status with
// ages, money, counts, details, a source and a date.
func (k Kind) IsAnswer() bool { return k <= KindPercent }

// String names the kind as the JSON Schema and error messages do.
func (k Kind) String() string {
	return [...]string{"yes/no answer", "money answer", "count answer", "percentage answer",
		"text", "url", "date", "list", "gss code", "choice"}[k]
}

// Provider says which council in a two-tier area provides what a question
// asks about.
type Provider int

const (
	// CareCouncil items come from the council that looked after the young
	// person (a county or a unitary council), wherever they live now.
	CareCouncil Provider = iota
	// HomeCouncil items come from the council where the young person lives:
	// council tax, housing and leisure (a district or a unitary council).
	HomeCouncil
	// EachCouncil items are each council's own, at either tier: publishing an
	// offer, work as an employer, the council's own figures.
	EachCouncil
)

// String says who provides the item, in words for people.
func (p Provider) String() string {
	return [...]string{"the council that looked after you", "the council where you live", "each council"}[p]
}

// Polarity says whether "yes" is good news for a care leaver.
type Polarity int

const (
	// YesIsGood is the usual case: yes means the support is there.
	YesIsGood Polarity = iota
	// YesIsBad marks questions where yes is a barrier (having to complain to see your care file).
	YesIsBad
	// Neutral marks facts and figures that are neither good nor bad news.
	Neutral
)

// Section is a group of questions, shown together on a council page.
type Section struct {
	Key   string // first part of every question key in the section
	Title string // plain-English heading
	Intro string // one sentence saying what the section is about
}

// Question is one entry of the catalogue.
type Question struct {
	Key      string   // dotted path in the frontmatter, such as council_tax.exempt
	Section  string   // key of its section
	Label    string   // plain-English label for pages and tables
	Ask      string   // the question as an FOI request would ask it
	Provider Provider // which tier of council provides it
	Kind     Kind
	Polarity Polarity
	Choices  []string // allowed values for a Choice
	Extra    []string // extra answer fields this question allows: band, name, groups
	// Overtaken is a national change that older answers may not reflect.
	Overtaken *Change
	// Good is how a council page's summary says a yes, for the headline
	// questions: "Money to set up your first home", naming the thing even
	// when no amount is known. The amount, the ages and every condition
	// follow it; {by} is the council that gives it.
	Good string
}

// Change is a national change, such as a new recommended minimum, that may
// have overtaken answers given before it. It cites where it is written.
type Change struct {
	Since    Date   // answers dated before this may be out of date
	BelowGBP int    // undated answers of less than this may be too (0: none)
	Note     string // what an old answer may no longer show, in a sentence for people
	Fact     string // the change itself, in a sentence, for the FOI request
	// Source is the document that states the change, and Quote its words.
	Source Source
	Quote  string
}

// Overtook reports whether the change may have overtaken answer a, dated
// asOf (zero when neither the answer nor its source is dated).
func (c *Change) Overtook(a *Answer, asOf Date) bool {
	if c == nil || a.Status != Yes {
		return false
	}
	if asOf.IsZero() {
		return c.BelowGBP > 0 && a.GBP != nil && *a.GBP < c.BelowGBP
	}
	return asOf.Time().Before(c.Since.Time())
}

// Field is the last part of the question's key.
func (q *Question) Field() string { return q.Key[strings.LastIndexByte(q.Key, '.')+1:] }

// Sections lists the catalogue's sections in page order: the order care
// leavers look for things, with publishing the offer and the council's own
// figures last.
var Sections = []Section{
	{"home", "Setting up home", "Money and help for your first home."},
	{"money", "Money", "Payments and help with managing money."},
	{"council_tax", "Council tax", "Whether you pay council tax on your home."},
	{"housing", "Housing", "Finding, keeping and paying for somewhere to live."},
	{"leisure", "Leisure", "Free or cheaper gyms, swimming and classes."},
	{"travel", "Travel", "Free or cheaper buses and trains."},
	{"work", "Work and apprenticeships", "Work experience, apprenticeships and help into work."},
	{"education", "Education", "Help with college and university."},
	{"id_docs", "ID documents", "Help to get the documents you need to prove who you are."},
	{"driving", "Learning to drive", "Help with driving lessons and tests."},
	{"health", "Health and wellbeing", "Help to stay well, in body and mind."},
	{"relationships", "Relationships and your records", "Mentoring, and seeing the records of your time in care."},
	{"participation", "Having your say", "Meeting the people who run the council and changing how it works."},
	{"services", "Support after 21", "Personal advisers and services for care leavers aged 21 to 25."},
	{"offer", "Publishing the offer", "Whether the council has published its local offer for care leavers, and where."},
	{"org", "About the council", "Figures about the council that help compare offers."},
}

// yes builds a yes/no question; the helpers below keep the table readable.
func yes(key, label, ask string, p Provider) Question {
	return Question{Key: key, Label: label, Ask: ask, Provider: p, Kind: KindYesNo}
}

func kind(k Kind, key, label, ask string, p Provider) Question {
	q := yes(key, label, ask, p)
	q.Kind = k
	if !k.IsAnswer() {
		q.Polarity = Neutral
	}
	return q
}

// neutral marks a figure that is neither good nor bad news.
func neutral(q Question) Question {
	q.Polarity = Neutral
	return q
}

// inPrinciple is the wording the questionnaires use for help that is not
// always a blanket offer.
const inPrinciple = " (accepting this is not always a blanket offer)"

// Catalogue lists every question, in page order within each section.
var Catalogue = build(
	// Publishing the offer.
	yes("offer.published", "Local offer published", "Have you published the Local Offer for Care Leavers in accordance with section 2 of the Children and Social Work Act 2017?", EachCouncil),
	kind(KindText, "offer.name", "Name of the offer", "What is your local offer for care leavers called?", EachCouncil),
	kind(KindGSS, "offer.responsible_gss", "Council that publishes the offer for this area", "If another council publishes the offer that covers your residents, which council is it?", EachCouncil),
	kind(KindText, "offer.joint_offer", "Joint offer", "Is your offer a joint offer with other councils? If so, which?", EachCouncil),
	kind(KindURL, "offer.url", "Offer on the web", "Please provide a link to your published Local Offer for Care Leavers.", EachCouncil),
	yes("offer.online", "Published online", "Is the offer published online?", EachCouncil),
	yes("offer.pdf", "Printable version", "Is the offer published in a printable format (please attach the PDF)?", EachCouncil),
	kind(KindURL, "offer.pdf_url", "Printable version on the web", "Please provide a link to the printable version of the offer.", EachCouncil),
	yes("offer.app", "App", "Is the offer available as a downloadable app?", EachCouncil),
	kind(KindText, "offer.app_name", "App name", "If so, what is the app called and who publishes it?", EachCouncil),
	yes("offer.booklet", "Booklet", "Is the offer given to care leavers as a printed booklet?", EachCouncil),
	yes("offer.coproduced", "Made with care leavers", "Have care leavers co-produced the Local Offer with the council?", EachCouncil),
	kind(KindText, "offer.first_contact", "First person to contact", "Who would you like to be the main contact for your care leavers?", EachCouncil),
	kind(KindList, "offer.sections", "Parts of the offer", "What are the main sections of your published offer?", EachCouncil),
	kind(KindText, "offer.comms", "How care leavers were told", "Please send a copy of any plan you have developed to communicate the offer to care leavers in your area.", EachCouncil),
	kind(KindDate, "offer.reviewed", "Last reviewed", "When was the offer last reviewed and updated?", EachCouncil),
	yes("offer.statutory_2026.transition_support", "Offer covers support for moving to adulthood", "Does your published offer set out your arrangements for supporting care leavers' transition to adulthood?", CareCouncil),
	yes("offer.statutory_2026.financial_literacy", "Offer covers financial literacy", "Does your published offer set out how you help care leavers with financial literacy?", CareCouncil),
	yes("offer.statutory_2026.accommodation_planning", "Offer covers planning for accommodation", "Does your published offer set out how you anticipate care leavers' accommodation needs?", CareCouncil),
	yes("offer.statutory_2026.housing_cooperation", "Offer covers working with housing authorities", "Does your published offer set out how you co-operate with local housing authorities?", CareCouncil),
	yes("offer.statutory_2026.homelessness_prevention", "Offer covers preventing homelessness", "Does your published offer set out how you help care leavers at risk of homelessness find and keep accommodation?", CareCouncil),
	yes("offer.statutory_2026.custody_release", "Offer covers leaving custody", "Does your published offer set out how you help care leavers leaving custody find accommodation?", CareCouncil),
	yes("offer.statutory_2026.financial_support", "Offer covers financial support", "Does your published offer set out the financial support you give care leavers?", CareCouncil),
	yes("offer.statutory_2026.service_access", "Offer covers getting to services", "Does your published offer set out how you help care leavers access services?", CareCouncil),

	// ID documents.
	yes("id_docs.ensure_on_leaving", "ID documents when you leave care", "Do you ensure each young person has ID documents when they leave care?", CareCouncil),
	yes("id_docs.passport", "First passport", "Do you pay for and help the young person get their first passport?", CareCouncil),
	yes("id_docs.provisional_licence", "Provisional driving licence", "Do you pay for and help the young person get their provisional driving licence?", CareCouncil),
	yes("id_docs.birth_certificate", "Birth certificate", "Do you pay for and help the young person get their birth certificate?", CareCouncil),
	yes("id_docs.national_insurance", "National Insurance number", "Do you help the young person get their National Insurance number?", CareCouncil),
	yes("id_docs.bank_account", "Bank account", "Do you help the young person open a bank account?", CareCouncil),
	yes("id_docs.voter_registration", "Registering to vote", "Do you help the young person register to vote?", CareCouncil),
	yes("id_docs.immigration_advice", "Immigration advice", "Do you help young people get immigration advice and documents, including settled status or citizenship?", CareCouncil),

	// Driving.
	yes("driving.lessons", "Driving lessons", "Do you in principle assist with driving lessons"+inPrinciple+"?", CareCouncil),
	yes("driving.theory_test", "Driving theory test", "Do you in principle assist with the driving theory test"+inPrinciple+"?", CareCouncil),
	yes("driving.practical_test", "Driving test", "Do you in principle assist with the practical driving test"+inPrinciple+"?", CareCouncil),
	yes("driving.cbt", "Motorbike CBT", "Do you in principle assist with the CBT (compulsory basic training) for motorbikes"+inPrinciple+"?", CareCouncil),

	// Leisure.
	yes("leisure.free_access", "Free leisure", "Do care leavers get free access to leisure facilities as part of the Local Offer? If so, up to what age?", HomeCouncil),
	yes("leisure.gym", "Gym membership", "Do care leavers get gym membership? If so, up to what age?", HomeCouncil),
	yes("leisure.swimming", "Free swimming", "Do care leavers get free access to swimming? If so, up to what age?", HomeCouncil),
	yes("leisure.classes", "Free classes", "Do care leavers get free access to classes? If so, up to what age?", HomeCouncil),
	yes("leisure.friend_free", "Bring a friend free", "If care leavers get free access to leisure facilities, can they take a friend free?", HomeCouncil),

	// Council tax.
	yes("council_tax.exempt", "Exempt from council tax", "Have you exempted care leavers from council tax? If so, up to what age, is it only for care leavers from your own authority, and what must they do to apply?", HomeCouncil),
	Question{Key: "council_tax.method", Label: "How the council tax help is given", Ask: "Is the help a full exemption, a partial discount, a refund or a hardship fund?", Provider: HomeCouncil, Kind: KindChoice, Polarity: Neutral,
		Choices: []string{"exemption", "partial_discount", "refund", "hardship_fund", "unknown"}},
	kind(KindText, "council_tax.shared_home", "If you share a home", "How does the council tax help apply when a care leaver shares a home with others?", HomeCouncil),
	yes("council_tax.reciprocal", "Care leavers from other councils", "Does the help also cover care leavers from other councils who live in your area?", HomeCouncil),
	with(yes("council_tax.care_council_pays", "Council tax paid by the council that looked after you", "Do you pay the council tax of care leavers you looked after? If so, up to what age, and also when they live outside your area?", CareCouncil), "anywhere"),
	yes("council_tax.funds_districts", "Pays for its districts' exemptions", "Do you pay your district councils for the council tax exemptions they give your care leavers?", CareCouncil),

	// Housing.
	with(yes("housing.priority_banding", "Priority for social housing", "Do care leavers get priority banding for social housing? If so, up to what age, what banding, and how do they qualify?", HomeCouncil), "band"),
	yes("housing.local_connection_waived", "Local connection rule waived", "Have you removed local connection rules for care leavers applying for housing?", HomeCouncil),
	yes("housing.dhp_top_up", "Housing benefit top-up", "Do you use Discretionary Housing Payments to top up the shared accommodation rate for care leavers?", HomeCouncil),
	yes("housing.taster_flat", "Practising living on your own", "Do care leavers get to practise independent living before they move on, in short-term taster flats or a programme such as the House Project?", CareCouncil),
	yes("housing.guarantor", "Guarantor for renting", "Do you in principle act as a guarantor for care leavers in private rented property"+inPrinciple+"?", CareCouncil),
	yes("housing.deposit", "Deposit for renting", "Do you in principle provide a deposit for care leavers in private rented property"+inPrinciple+"?", CareCouncil),
	yes("housing.staying_put", "Staying Put", "Do you support care leavers to stay with their foster carers after 18 (Staying Put)?", CareCouncil),
	yes("housing.staying_close", "Staying Close", "Do you offer Staying Close support to care leavers leaving children's homes?", CareCouncil),
	yes("housing.homelessness_prevention", "Help if you might lose your home", "What early help do you give care leavers at risk of homelessness?", EachCouncil),
	yes("housing.joint_protocol", "Joint working with housing services", "Do you have a joint protocol, agreement or other joint working arrangement with local housing authorities on housing care leavers?", CareCouncil),
	yes("housing.custody_release", "Housing when you leave custody", "Do you plan accommodation with care leavers who are leaving custody?", CareCouncil),

	// Setting up home.
	overtaken(kind(KindMoney, "home.setup_allowance", "Setting-up-home allowance", "Do you provide care leavers with a setting-up-home allowance? If so, how much?", CareCouncil),
		Change{Since: Date{Year: 2023, Month: 4, Day: 1}, BelowGBP: 3000,
			Note: "This may be out of date: since April 2023 the government's recommended minimum is £3,000. Ask your personal adviser what you can get now.",
			Fact: "Since April 2023 the government's recommended minimum has been £3,000.",
			Source: Source{Type: "foi", Title: "Care leavers' setting up home allowance", Publisher: "Thurrock Council",
				Published: Date{Year: 2024, Month: 6, Day: 11}, URL: "https://thurrock.gov.uk/foi-responses/care-leavers%E2%80%99-setting-up-home-allowance"},
			Quote: "Government increased the minimum recommended amount to £3,000 from April 2023."}),
	yes("home.tv_licence", "TV licence", "Would you in principle support care leavers to pay for at least the first year's TV licence"+inPrinciple+"?", CareCouncil),
	yes("home.contents_insurance", "Contents insurance", "Would you in principle support care leavers to pay for at least the first year's home contents insurance"+inPrinciple+"?", CareCouncil),
	yes("home.decoration", "Decorating", "Would you in principle support care leavers to pay for redecorating their first flat"+inPrinciple+"?", CareCouncil),
	yes("home.broadband", "Broadband", "Would you in principle support care leavers with broadband costs"+inPrinciple+"?", CareCouncil),
	yes("home.mobile_phone", "Mobile phone", "Would you in principle support care leavers with mobile phone costs"+inPrinciple+"?", CareCouncil),
	yes("home.device", "Help with a phone, laptop or data", "Do you give care leavers a device, such as a phone or laptop, or mobile data or internet access?", CareCouncil),
	yes("home.energy_costs", "Help with energy bills", "Do you help care leavers with gas and electricity costs?", CareCouncil),
	yes("home.cooking_equipment", "Cooking equipment", "Would you in principle pay towards cooking equipment for care leavers"+inPrinciple+"?", CareCouncil),

	// Money.
	yes("money.financial_support", "Financial support", "What financial support do you give care leavers?", CareCouncil),
	kind(KindMoney, "money.allowance_16_17", "Weekly allowance at 16 and 17", "How much do you pay care leavers aged 16 and 17 living independently each week?", CareCouncil),
	kind(KindMoney, "money.clothing", "Clothing allowance", "Do you give care leavers a clothing allowance? If so, how much?", CareCouncil),
	yes("money.savings", "Savings scheme", "Do you pay into a savings account for care leavers, or match what they save?", CareCouncil),
	yes("money.financial_literacy", "Help managing money", "Do you help care leavers learn to manage money (financial literacy)?", CareCouncil),
	yes("money.festive", "Christmas and religious festivals", "Do you pay anything towards Christmas or other religious celebrations for care leavers?", CareCouncil),
	yes("money.birthday", "Birthdays", "Do you pay anything towards birthday celebrations for care leavers?", CareCouncil),
	yes("money.emergency_payments", "Emergency payments", "Do you make emergency payments to care leavers in crisis?", CareCouncil),

	// Work.
	kind(KindCount, "work.work_experience", "Work experience at the council", "Do you offer any work experience within your local authority for care leavers? If so, how many places per year?", EachCouncil),
	yes("work.interview_clothes", "Clothes for work and interviews", "Will your local authority pay for work or interview clothes to help care leavers into work?", CareCouncil),
	yes("work.travel_to_work", "Travel to work or training", "Will your local authority pay towards travel to work or training for care leavers?", CareCouncil),
	kind(KindCount, "work.ringfenced_apprenticeships", "Apprenticeships kept for care leavers", "Have you ring-fenced any apprenticeships for care leavers? If so, how many per year?", EachCouncil),
	kind(KindCount, "work.apprentices_now", "Care leavers working as apprentices", "How many care leavers are working in your local authority as apprentices?", EachCouncil),
	kind(KindCount, "work.business_pledges", "Pledges from local businesses", "How many local businesses have pledged work experience, apprenticeships, jobs or mentoring for care leavers?", EachCouncil),
	kind(KindText, "work.other", "Other help with work", "Please tell us anything else about work and training that you do to support care leavers.", EachCouncil),

	// Education.
	yes("education.he_support", "Help at university", "What support do you give care leavers in higher education?", CareCouncil),
	kind(KindMoney, "education.he_bursary", "University bursary", "Do you pay care leavers at university a bursary? If so, how much?", CareCouncil),
	yes("education.he_accommodation", "University housing in the holidays", "Do you help care leavers in higher education with accommodation, including in the holidays?", CareCouncil),
	yes("education.fe_support", "Help at college", "What support do you give care leavers in further education?", CareCouncil),
	yes("education.virtual_school", "Virtual school", "Does your virtual school support care leavers?", CareCouncil),

	// Health.
	yes("health.health_info", "Your health history", "Do you give care leavers a summary of their health history when they leave care?", CareCouncil),
	yes("health.mental_health", "Mental health support", "What mental health and emotional wellbeing support do you give care leavers?", CareCouncil),
	yes("health.prescriptions", "Free prescriptions", "Do you pay for care leavers' prescriptions?", CareCouncil),
	yes("health.dental", "Dental costs", "Do you pay towards care leavers' dental treatment?", CareCouncil),

	// Relationships.
	yes("relationships.peer_mentoring", "Mentoring by other care leavers", "Do you have a peer mentoring scheme (other care leavers)?", CareCouncil),
	yes("relationships.other_mentoring", "Other mentoring", "Do you have any other mentoring scheme?", CareCouncil),
	Question{Key: "relationships.care_files_via_complaints", Label: "Must go through complaints to see your care file", Ask: "Do young people have to go through the complaints department to access their care files?", Provider: CareCouncil, Kind: KindYesNo, Polarity: YesIsBad},
	yes("relationships.care_files_support", "Support when you read your care file", "Do those who access their files get emotional support before, during and after disclosure?", CareCouncil),

	// Travel.
	yes("travel.bus", "Free or cheaper buses", "Have local partners supported you with free bus travel for care leavers?", CareCouncil),
	yes("travel.train", "Free or cheaper trains", "Have local partners supported you with free train travel for care leavers?", CareCouncil),
	yes("travel.other", "Other free travel", "Have local partners supported you with any other free travel for care leavers?", CareCouncil),
	kind(KindText, "travel.notes", "More about travel", "Please give details of the travel support, or of what you do instead.", CareCouncil),

	// Participation.
	yes("participation.meet_councillors", "Meeting councillors", "Do care leavers have the opportunity to meet their corporate parents (councillors)?", CareCouncil),
	yes("participation.senior_mentoring", "Mentoring by senior managers", "Do care leavers have the opportunity for mentoring with any of the senior leadership team?", CareCouncil),
	with(yes("participation.in_care_council", "Children in care and care leavers council", "Do you have a children in care and care leavers council? If so, how many attend and what are the age groups?", CareCouncil), "groups"),
	yes("participation.council_bank_account", "Its own bank account", "Does your children in care and care leavers council have its own bank account?", CareCouncil),
	yes("participation.council_constitution", "Its own constitution", "Does your children in care and care leavers council have its own constitution?", CareCouncil),
	yes("participation.member_champions", "Councillor champions", "Do councillors champion parts of the offer?", CareCouncil),
	yes("participation.protected_characteristic", "Care experience treated as a protected characteristic", "Does the council treat care experience as if it were a protected characteristic?", EachCouncil),
	yes("participation.covenant_signatory", "Signed the Care Leaver Covenant", "Has the council signed the Care Leaver Covenant?", EachCouncil),

	// Services after 21.
	with(yes("services.over_21_service", "Service for care leavers aged 21 to 25", "Do you have a service for care leavers aged 21 to 25? What is it called?", CareCouncil), "name"),
	neutral(kind(KindCount, "services.over_21_eligible", "Care leavers aged 21 to 25 who can use it", "How many care leavers aged 21 to 25 are eligible for the service?", CareCouncil)),
	neutral(kind(KindPercent, "services.over_21_contacted", "Share of them contacted", "What percentage of eligible care leavers aged 21 to 25 have you contacted?", CareCouncil)),
	neutral(kind(KindPercent, "services.over_21_uptake", "Share of them taking up support", "What percentage of eligible care leavers aged 21 to 25 have taken up support?", CareCouncil)),

	// About the council.
	neutral(kind(KindCount, "org.care_leavers", "Care leavers the council supports", "How many care leavers aged 18 to 25 do you support?", CareCouncil)),
	neutral(kind(KindCount, "org.apprentices_per_year", "Apprentices the council takes on each year", "How many apprentices does your local authority provide each year?", EachCouncil)),
	neutral(kind(KindCount, "org.employees", "People the council employs", "How many employees does your local authority employ?", EachCouncil)),
	Question{Key: "org.ofsted_judgement", Label: "Ofsted judgement for care leavers", Ask: "What was your most recent Ofsted judgement on the experiences and progress of care leavers?", Provider: CareCouncil, Kind: KindChoice, Polarity: Neutral,
		Choices: []string{"outstanding", "good", "requires_improvement", "inadequate"}},
	kind(KindDate, "org.ofsted_date", "Date of the Ofsted judgement", "When was that judgement published?", CareCouncil),
	kind(KindURL, "org.ofsted_url", "Ofsted report", "Where is the report published?", CareCouncil),
)

// overtaken records a national change that may have overtaken older answers.
func overtaken(q Question, c Change) Question {
	q.Overtaken = &c
	return q
}

// with allows extra answer fields on a question.
func with(q Question, extra ...string) Question {
	q.Extra = extra
	return q
}

// build fills in each question's section from its key, puts the questions
// in page order (by section, then as listed), and checks the catalogue's own
// consistency; a broken catalogue is a programming error.
func build(qs ...Question) []Question {
	known := map[string]bool{}
	order := map[string]int{}
	for i, s := range Sections {
		known[s.Key] = true
		order[s.Key] = i
	}
	defer slices.SortStableFunc(qs, func(a, b Question) int { return order[a.Section] - order[b.Section] })
	seen := map[string]bool{}
	for i := range qs {
		q := &qs[i]
		q.Section = q.Key[:strings.IndexByte(q.Key, '.')]
		if !known[q.Section] || seen[q.Key] {
			panic("offer: catalogue entry " + q.Key + " has an unknown section or is listed twice")
		}
		seen[q.Key] = true
	}
	return qs
}

// Headlines are the questions whose answers matter most to a care leaver,
// in the order a summary gives them: the columns of councils.csv, and the
// good news at the top of a council page.
var Headlines = headlines(
	"home.setup_allowance", "Money to set up your first home",
	"council_tax.exempt", "Exempt from council tax",
	"council_tax.care_council_pays", "Your council tax paid by {by}",
	"leisure.free_access", "Free leisure",
	"leisure.gym", "Gym membership",
	"leisure.swimming", "Free swimming",
	"money.allowance_16_17", "A weekly allowance at 16 and 17",
	"money.birthday", "Money for your birthday",
	"money.festive", "Money for Christmas or other festivals",
	"education.he_bursary", "A bursary at university",
	"housing.priority_banding", "Priority for social housing",
	"housing.local_connection_waived", "Local connection rule waived for housing",
	"housing.guarantor", "A guarantor when you rent",
	"driving.lessons", "Help with driving lessons",
	"id_docs.passport", "Help to get your first passport",
	"travel.bus", "Free or cheaper buses",
	"home.device", "Help with a phone, laptop or data",
	"health.prescriptions", "Free prescriptions",
	"services.over_21_service", "Support after 21",
	"offer.published", "",
)

// headlines takes pairs of a question's key and its summary phrase (empty
// for a headline that is a column of councils.csv but not news for a page).
func headlines(pairs ...string) []*Question {
	out := make([]*Question, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		q := Lookup(pairs[i])
		if q == nil || !q.Kind.IsAnswer() {
			panic("offer: headline " + pairs[i] + " is not an answer question in the catalogue")
		}
		q.Good = pairs[i+1]
		out = append(out, q)
	}
	return out
}

var byKey = func() map[string]*Question {
	m := make(map[string]*Question, len(Catalogue))
	for i := range Catalogue {
		m[Catalogue[i].Key] = &Catalogue[i]
	}
	return m
}()

// Lookup returns the question with the given key, or nil.
func Lookup(key string) *Question { return byKey[key] }

// InSection returns the section's questions in catalogue order.
//
// The slice is shared, worked out once: callers must not change it. Every
// build asks for each council's sections, so this is on the hot path.
func InSection(section string) []*Question { return bySection[section] }

var bySection = func() map[string][]*Question {
	m := map[string][]*Question{}
	for i := range Catalogue {
		q := &Catalogue[i]
		m[q.Section] = append(m[q.Section], q)
	}
	return m
}()

// Topic is a group of sections compared together in one table.
type Topic struct {
	Key      string   // the table's path segment
	Title    string   // its heading
	Sections []string // the sections whose questions are its columns
}

// Topics are the comparison tables, in order. Every section is in one.
var Topics = []Topic{
	{"money", "Money and setting up home", []string{"home", "money"}},
	{"council-tax", "Council tax", []string{"council_tax"}},
	{"housing", "Housing", []string{"housing"}},
	{"leisure-travel", "Leisure and travel", []string{"leisure", "travel"}},
	{"work-education", "Work and education", []string{"work", "education"}},
	{"id-driving", "ID documents and driving", []string{"id_docs", "driving"}},
	{"relationships", "Relationships, health and having your say", []string{"relationships", "health", "participation"}},
	{"after-21", "Support after 21 and council figures", []string{"services", "org"}},
	{"offer", "Publishing the offer", []string{"offer"}},
}

// Columns returns the topic's questions that have answers to compare: the
// yes/no, money, count and percentage questions of its sections.
func (t Topic) Columns() []*Question {
	var out []*Question
	for _, s := range t.Sections {
		for _, q := range InSection(s) {
			if q.Kind.IsAnswer() {
				out = append(out, q)
			}
		}
	}
	return out
}

// ProvidedBy reports whether a council of the given tier provides what q
// asks about: districts give council tax, housing, leisure and what each
// council does itself; counties give leaving-care support and what each
// council does itself; unitary, metropolitan and London councils give all.
func (q *Question) ProvidedBy(tier string) bool {
	switch tier {
	case "district":
		return q.Provider != CareCouncil
	case "county":
		return q.Provider != HomeCouncil
	}
	return true
}
