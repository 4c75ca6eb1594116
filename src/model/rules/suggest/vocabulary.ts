/**
 * Professional synonyms, kept as data: words and phrases that mean the same
 * thing when asking "who could help?". A recruiter, a talent partner and a
 * hiring manager can all open a door to a job; a VC and an angel can both fund
 * a seed round.
 *
 * How matching uses it: every phrase below is read the way people's fields are
 * read (folded, stop words dropped, stemmed), so "Recruiters", "recruiting" and
 * "recruiter" all match the one entry "recruiter", and "oil & gas" matches
 * "oil and gas". Where a person's text or an objective contains any term of a
 * group, it also gets the group's concept, and concepts match like words do.
 *
 * To extend it:
 * - Add a term to a group when people would say it *instead of* another term
 *   of that group, in any industry. Add the common spelling; word forms and
 *   plurals come free.
 * - Put a term under `related` when it points to the group less surely (an
 *   energy company is often, not always, climate work): it counts at
 *   RELATED_WEIGHT.
 * - Start a new group for a new idea; its `id` becomes part of the concept
 *   term and must be unique.
 * - Never add a person's or an organisation's name: the vocabulary must be
 *   about kinds of work, true for anyone's network.
 * - Run `npx vitest run test/model/rules/suggest` — the vocabulary tests and
 *   the evaluation set's precision and recall must still pass.
 */

export interface SynonymGroup {
  /** A short name for the idea; the concept term is `~` + id. */
  id: string;
  /** Words and phrases that mean the same thing here. */
  terms: readonly string[];
  /** Words that point to the idea less surely. */
  related?: readonly string[];
}

/** How much a related term counts, against 1 for a term of the group. */
export const RELATED_WEIGHT = 0.5;

export const VOCABULARY: readonly SynonymGroup[] = [
  // ---- people who open doors to jobs --------------------------------------
  {
    id: 'recruiting',
    terms: ['recruiter', 'recruitment', 'talent', 'talent acquisition', 'talent partner', 'hiring', 'hiring manager', 'headhunter', 'executive search', 'sourcer', 'staffing'],
    related: ['job board', 'jobs board', 'careers', 'vacancy', 'open roles'],
  },
  {
    id: 'people-ops',
    terms: ['hr', 'human resources', 'people team', 'people operations', 'people ops', 'people partner', 'hrbp', 'chief people officer', 'head of people'],
  },
  // ---- guidance ---------------------------------------------------------------
  {
    id: 'mentoring',
    terms: ['mentor', 'mentorship', 'coach', 'coaching', 'adviser', 'advisor', 'advisory', 'sounding board', 'guidance'],
  },
  // ---- money ------------------------------------------------------------------
  {
    id: 'investing',
    terms: ['investor', 'vc', 'venture capital', 'venture capitalist', 'angel', 'angel investor', 'business angel', 'venture partner', 'seed fund', 'family office', 'investment fund'],
    related: ['fundraising', 'raise', 'funding round', 'seed round', 'pre-seed', 'series a', 'cheque', 'portfolio'],
  },
  {
    id: 'accelerator',
    terms: ['accelerator', 'incubator', 'venture builder', 'startup studio'],
    related: ['demo day', 'cohort'],
  },
  {
    id: 'grants',
    terms: ['grant', 'grantmaking', 'grant maker', 'philanthropy', 'philanthropic', 'funder', 'endowment'],
    related: ['foundation', 'trust fund'],
  },
  // ---- who runs companies -----------------------------------------------------
  {
    id: 'founder',
    terms: ['founder', 'co-founder', 'cofounder', 'founding team', 'startup ceo', 'ceo of a startup', 'entrepreneur', 'serial entrepreneur'],
    related: ['ceo', 'chief executive'],
  },
  {
    id: 'startup',
    terms: ['startup', 'start-up', 'scaleup', 'scale-up', 'early stage', 'early-stage company', 'seed stage', 'venture-backed'],
    related: ['founder', 'co-founder'],
  },
  {
    id: 'executive',
    terms: ['ceo', 'chief executive', 'managing director', 'c-suite', 'c-level', 'executive team', 'president', 'general manager'],
  },
  {
    id: 'board',
    terms: ['board member', 'trustee', 'non-executive director', 'ned', 'board of directors', 'board of trustees', 'chair of the board', 'board governance', 'charity governance', 'corporate governance', 'school governor', 'governing body'],
  },
  {
    id: 'operations',
    terms: ['operations', 'ops', 'coo', 'chief operating officer', 'head of operations', 'operations manager'],
  },
  // ---- building products ------------------------------------------------------
  {
    id: 'product-management',
    terms: ['product manager', 'pm', 'product management', 'product owner', 'product lead', 'head of product', 'product director', 'group product manager', 'cpo', 'chief product officer', 'vp product'],
  },
  {
    id: 'project-management',
    terms: ['project manager', 'programme manager', 'program manager', 'delivery manager', 'scrum master', 'pmo', 'project management'],
  },
  {
    id: 'software-engineering',
    terms: ['engineer', 'software engineer', 'developer', 'software developer', 'programmer', 'coder', 'swe', 'full stack', 'backend', 'frontend', 'software engineering'],
  },
  {
    id: 'engineering-leadership',
    terms: ['engineering manager', 'head of engineering', 'vp engineering', 'vp of engineering', 'director of engineering', 'cto', 'chief technology officer', 'tech lead', 'engineering leadership', 'staff engineer', 'principal engineer'],
  },
  {
    id: 'infrastructure',
    terms: ['devops', 'sre', 'site reliability', 'platform engineering', 'cloud infrastructure', 'kubernetes', 'infrastructure'],
    related: ['cloud', 'aws', 'azure'],
  },
  {
    id: 'security',
    terms: ['security', 'cybersecurity', 'cyber security', 'infosec', 'ciso', 'penetration testing', 'appsec', 'information security'],
  },
  {
    id: 'machine-learning',
    terms: ['machine learning', 'ml', 'ai', 'artificial intelligence', 'deep learning', 'data scientist', 'data science', 'llm', 'generative ai', 'neural network', 'ml engineer'],
    related: ['forecasting', 'predictive', 'statistical model', 'model training'],
  },
  {
    id: 'analytics',
    terms: ['analytics', 'data analyst', 'business intelligence', 'bi', 'data engineer', 'data engineering', 'statistician', 'statistics', 'data warehouse', 'dashboards'],
  },
  {
    id: 'design',
    terms: ['designer', 'product designer', 'ux', 'ui', 'user experience', 'interaction design', 'service design', 'ux research', 'user research', 'design lead', 'head of design'],
  },
  {
    id: 'open-source',
    terms: ['open source', 'oss', 'maintainer', 'open-source contributor'],
  },
  {
    id: 'developer-relations',
    terms: ['developer relations', 'devrel', 'developer advocate', 'evangelist', 'community manager', 'community building'],
  },
  // ---- selling and telling ----------------------------------------------------
  {
    id: 'sales',
    terms: ['sales', 'business development', 'bd', 'account executive', 'account manager', 'revenue', 'commercial director', 'go-to-market', 'gtm'],
  },
  {
    id: 'partnerships',
    terms: ['partnerships', 'alliances', 'channel partners', 'strategic partnerships', 'partner manager'],
  },
  {
    id: 'marketing',
    terms: ['marketing', 'marketer', 'growth marketing', 'brand', 'demand generation', 'cmo', 'content marketing', 'seo', 'product marketing'],
  },
  {
    id: 'customers',
    terms: ['client', 'customer', 'buyer', 'purchasing', 'procurement', 'commissioning', 'buying decisions'],
  },
  {
    id: 'journalism',
    terms: ['journalist', 'reporter', 'editor', 'correspondent', 'newsroom', 'columnist', 'news desk', 'press', 'commissioning editor'],
    related: ['newspaper', 'magazine', 'newsletter', 'publication', 'media', 'broadcaster', 'radio', 'television'],
  },
  {
    id: 'public-relations',
    terms: ['pr', 'public relations', 'communications', 'comms', 'press office', 'media relations', 'spokesperson', 'press release'],
  },
  {
    id: 'publishing',
    terms: ['author', 'writer', 'publisher', 'publishing', 'literary agent', 'book deal', 'ghostwriter'],
    related: ['book', 'blog', 'essay'],
  },
  {
    id: 'broadcast',
    terms: ['podcast', 'podcaster', 'broadcaster', 'radio', 'audio producer', 'television', 'tv', 'presenter', 'host of', 'video producer'],
    related: ['audio', 'youtube', 'episode'],
  },
  {
    id: 'speaking',
    terms: ['speaker', 'keynote', 'conference talk', 'tech talk', 'give a talk', 'panel', 'panellist', 'panelist', 'speaking slot', 'call for papers', 'cfp', 'presentation', 'lightning talk'],
  },
  {
    id: 'events',
    terms: ['conference', 'event', 'summit', 'meetup', 'festival', 'convention', 'event organiser', 'events organiser', 'programme committee', 'program committee', 'curator', 'unconference'],
    related: ['agenda', 'line-up', 'lineup', 'venue'],
  },
  // ---- law, money, risk -------------------------------------------------------
  {
    id: 'legal',
    terms: ['lawyer', 'attorney', 'counsel', 'solicitor', 'barrister', 'legal', 'general counsel', 'law firm', 'paralegal', 'in-house counsel', 'law'],
  },
  {
    id: 'compliance',
    terms: ['compliance', 'regulatory', 'regulation', 'regulator', 'licensing', 'aml', 'anti-money laundering', 'kyc', 'mlro'],
  },
  {
    id: 'finance',
    terms: ['finance', 'cfo', 'chief financial officer', 'accountant', 'accounting', 'controller', 'fp&a', 'financial analyst', 'treasury', 'audit', 'bookkeeping'],
  },
  {
    id: 'fintech',
    terms: ['fintech', 'financial technology', 'payments', 'payment', 'open banking', 'neobank', 'digital banking', 'card issuing', 'psd2', 'e-money', 'acquiring'],
    related: ['bank', 'lending', 'insurtech'],
  },
  {
    id: 'banking',
    terms: ['bank', 'banker', 'investment banking', 'lender', 'lending', 'credit', 'mortgage', 'retail banking'],
  },
  {
    id: 'insurance',
    terms: ['insurance', 'insurer', 'insurtech', 'underwriting', 'underwriter', 'actuary', 'actuarial', 'reinsurance'],
  },
  // ---- sectors ----------------------------------------------------------------
  {
    id: 'climate',
    terms: ['climate', 'climate change', 'climate tech', 'sustainability', 'sustainable', 'clean energy', 'cleantech', 'clean tech', 'net zero', 'decarbonisation', 'decarbonization', 'carbon', 'renewable', 'renewable energy', 'renewables', 'emissions', 'energy transition', 'green energy', 'solar', 'wind power', 'heat pump', 'esg', 'environmental'],
    related: ['environment', 'energy', 'grid', 'electricity', 'battery', 'electric vehicle', 'ev', 'utility', 'retrofit'],
  },
  {
    id: 'energy',
    terms: ['energy', 'power station', 'power sector', 'utility', 'utilities', 'grid', 'electricity', 'oil and gas', 'nuclear', 'energy storage', 'battery'],
    related: ['renewables', 'solar', 'wind'],
  },
  {
    id: 'mobility',
    terms: ['transport', 'mobility', 'electric vehicle', 'ev', 'automotive', 'rail', 'aviation', 'logistics fleet'],
  },
  {
    id: 'healthcare',
    terms: ['healthcare', 'health', 'medical', 'hospital', 'nhs', 'patient', 'healthtech', 'digital health', 'medtech', 'clinical', 'health system', 'nhs trust', 'integrated care board'],
    related: ['gp surgery', 'care home', 'wellbeing'],
  },
  {
    id: 'clinician',
    terms: ['doctor', 'physician', 'clinician', 'nurse', 'surgeon', 'medic', 'consultant physician', 'general practitioner', 'cclo', 'ccio', 'chief clinical information officer'],
  },
  {
    id: 'life-sciences',
    terms: ['pharma', 'pharmaceutical', 'biotech', 'life sciences', 'drug discovery', 'clinical trial', 'biology lab'],
  },
  {
    id: 'education',
    terms: ['education', 'edtech', 'school', 'primary school', 'secondary school', 'classroom', 'curriculum', 'pupil', 'student', 'learning platform', 'academy trust'],
    related: ['university', 'literacy', 'reading'],
  },
  {
    id: 'teaching',
    terms: ['teacher', 'educator', 'tutor', 'lecturer', 'instructor', 'headteacher', 'head teacher', 'school principal', 'teaching assistant', 'senco'],
  },
  {
    id: 'research',
    terms: ['researcher', 'research', 'scientist', 'phd', 'postdoc', 'academic', 'professor', 'research fellow', 'laboratory'],
    related: ['university', 'paper', 'study'],
  },
  {
    id: 'government',
    terms: ['government', 'public sector', 'civil service', 'civil servant', 'ministry', 'council', 'local authority', 'govtech', 'whitehall', 'parliament', 'mp'],
  },
  {
    id: 'policy',
    terms: ['policy', 'policymaker', 'policy maker', 'public policy', 'policy adviser', 'public affairs', 'government affairs', 'lobbying', 'think tank', 'legislation'],
    related: ['regulation', 'regulator', 'consultation'],
  },
  {
    id: 'nonprofit',
    terms: ['nonprofit', 'non-profit', 'not-for-profit', 'charity', 'ngo', 'third sector', 'social enterprise', 'voluntary sector', 'charitable'],
    related: ['foundation', 'volunteer'],
  },
  {
    id: 'manufacturing',
    terms: ['manufacturing', 'manufacturer', 'factory', 'plant manager', 'production line', 'industrial', 'assembly line', 'shop floor', 'maintenance engineer', 'lean manufacturing', 'oee'],
    related: ['plant', 'machinery', 'equipment', 'production'],
  },
  {
    id: 'supply-chain',
    terms: ['supply chain', 'logistics', 'procurement', 'sourcing', 'warehouse', 'freight', 'shipping', 'inventory', 'demand planning'],
  },
  {
    id: 'retail',
    terms: ['retail', 'retailer', 'ecommerce', 'e-commerce', 'marketplace', 'd2c', 'dtc', 'direct to consumer', 'consumer goods', 'fmcg', 'grocery'],
  },
  {
    id: 'real-estate',
    terms: ['real estate', 'property', 'proptech', 'estate agent', 'realtor', 'landlord', 'housing'],
  },
  {
    id: 'built-environment',
    terms: ['architect', 'architecture', 'construction', 'built environment', 'civil engineering', 'surveyor', 'building design'],
  },
  {
    id: 'food-agriculture',
    terms: ['agriculture', 'farming', 'farmer', 'agtech', 'agritech', 'food systems', 'agrifood', 'food production'],
  },
  {
    id: 'hospitality',
    terms: ['hospitality', 'hotel', 'restaurant', 'tourism', 'travel industry', 'chef'],
  },
  {
    id: 'arts-culture',
    terms: ['arts', 'culture', 'museum', 'gallery', 'theatre', 'theater', 'artist', 'music industry', 'creative industries'],
  },
  {
    id: 'consulting',
    terms: ['consultant', 'consulting', 'consultancy', 'management consulting', 'strategy consultant', 'advisory firm'],
  },
  {
    id: 'diversity',
    terms: ['diversity', 'inclusion', 'dei', 'equity', 'underrepresented', 'women in tech', 'inclusive hiring'],
  },
  {
    id: 'future-of-work',
    terms: ['future of work', 'remote work', 'hybrid work', 'workplace', 'four-day week', 'employee experience', 'ways of working'],
  },
  {
    id: 'alumni',
    terms: ['alumni', 'alumnus', 'alumna', 'graduate', 'alma mater', 'old boys', 'old girls'],
  },
];
