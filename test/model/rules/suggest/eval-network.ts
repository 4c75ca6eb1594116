/**
 * The labelled evaluation set for "who can help" (issue 13 §1): a realistic,
 * hand-written network of a product manager moving into climate tech, with
 * people from climate, fintech, health, media, law, education, manufacturing,
 * the public sector and elsewhere, 15 objectives, and for each objective the
 * people who truly could help. Near-misses share words with an objective but
 * could not help with it (a loudspeaker engineer for "speak at a conference",
 * a printing-press operator for "get covered by the press") and must not rank high.
 *
 * Labels were written from the people's descriptions, as a person would judge
 * them, before tuning; the vocabulary must stay general (no names in it). One
 * change after the first run: for "Be known as a climate-minded PM", whose
 * description is to write and speak about product management, a product
 * conference's programme chair and a coach who helps PMs write talk proposals
 * were added — on review they plainly could help.
 */
import type { Community, Contact, Interaction, Objective, Offer } from '../../../../src/model/index.ts';
import { community, interaction, objective, offer, person } from '../build.ts';

// ---- communities ------------------------------------------------------------

const C = {
  ctl: community('ctl', {
    name: 'Climate Tech London',
    kind: 'online',
    description: 'Slack and monthly drinks for people working on climate tech',
  }),
  wip: community('wip', { name: 'Women in Product', kind: 'professional-body', offer: 'Mentoring first-time PMs' }),
  mtp: community('mtp', {
    name: 'ProductTank London',
    kind: 'professional-body',
    description: 'Monthly product management meetup',
  }),
  fin: community('fin', { name: 'Fintech Founders Circle', kind: 'online' }),
  dhn: community('dhn', { name: 'Digital Health Network', kind: 'professional-body' }),
  sky: community('sky', { name: 'Ex-Skyscanner crew', kind: 'former-colleagues' }),
  uni: community('uni', { name: 'Edinburgh University alumni', kind: 'alumni' }),
  team: community('team', { name: 'Payments squad', kind: 'own-team' }),
  org: community('org', { name: 'Product org', kind: 'other-departments' }),
  run: community('run', { name: 'Hackney Running Club', kind: 'voluntary-group' }),
  mfg: community('mfg', { name: 'Midlands Manufacturing Forum', kind: 'local-organisation' }),
  gov: community('gov', { name: 'Public Policy Exchange', kind: 'online' }),
  press: community('press', { name: 'Comms & Press Collective', kind: 'online' }),
};
export const communities: Community[] = Object.values(C);

export const offers: Offer[] = [
  offer('carbon-talk', { title: 'A talk on carbon accounting for product teams', communityIds: [C.ctl.id] }),
  offer('pm-review', {
    title: 'Reviewing product specs for early-stage founders',
    description: 'An hour going through a PRD or roadmap',
    communityIds: [C.fin.id],
  }),
];

// ---- people -----------------------------------------------------------------

type Extra = Partial<Pick<Contact, 'whatTheyDo' | 'interests' | 'needs' | 'notes' | 'metLine' | 'department'>> & {
  tags?: string[];
  c?: (keyof typeof C)[];
};

const people: Contact[] = [];
function P(slug: string, name: string, role: string, organisation: string, extra: Extra = {}): void {
  const { tags, c, ...rest } = extra;
  people.push(
    person(slug, { name, role, organisation, tags: tags ?? [], communityIds: (c ?? []).map((k) => C[k].id), ...rest }),
  );
}

// Climate: hiring, startups, product
P('maya', 'Maya Goldberg', 'Talent partner', 'Climatebase', {
  whatTheyDo: 'Runs a climate job board and places product people at climate startups',
  needs: 'strong climate PMs',
  c: ['ctl'],
});
P('tom-a', 'Tom Adeyemi', 'Head of Talent', 'Octave Heat', {
  whatTheyDo: 'Builds the team at a Series A heat pump startup',
  needs: 'Product and engineering candidates',
  tags: ['climate'],
  c: ['ctl'],
});
P('priya', 'Priya Nair', 'Co-founder & CEO', 'Carbonsight', {
  whatTheyDo: 'Building carbon accounting software for mid-size manufacturers',
  needs: 'Our first product manager',
  tags: ['founder', 'climate'],
});
P('lars', 'Lars Eriksen', 'VP Product', 'Windline', {
  whatTheyDo: 'Leads product at an offshore wind analytics startup; hiring manager for two PM roles',
  c: ['ctl', 'mtp'],
});
P('sofia', 'Sofia Russo', 'Recruiter', 'Greenhouse Talent', {
  whatTheyDo: 'Recruits for cleantech and renewable energy scale-ups',
  tags: ['recruitment'],
});
P('dan-k', 'Daniel Kim', 'Platform lead', 'Pale Blue Dot', {
  whatTheyDo: 'Helps portfolio companies of a climate venture capital fund hire their first leaders',
  interests: 'climate, early-stage investing',
});
P('aisha', 'Aisha Bello', 'CTO', 'GridFlex', {
  whatTheyDo: 'Co-founded a grid flexibility startup; building out the product team',
  tags: ['climate', 'energy'],
  c: ['ctl'],
});
P('jonas', 'Jonas Weber', 'Product Manager', 'Octopus Energy', {
  whatTheyDo: 'Owns the smart tariff app for half a million households',
  c: ['mtp'],
});
P('chloe', 'Chloé Martin', 'Organiser', 'Climate Product Club', {
  whatTheyDo: 'Runs monthly meetups for product people working on climate and sustainability',
  c: ['ctl'],
});
P('ravi', 'Ravi Shah', 'Editor', 'Climate Tech Weekly', {
  whatTheyDo: 'Edits a newsletter read by 40,000 people in climate tech; commissions guest essays',
  needs: 'Practitioners who can write',
});
P('elena', 'Elena Popescu', 'Host', 'Product for the Planet', {
  whatTheyDo: 'Podcast interviewing product managers who build climate products',
  needs: 'Guests with a story about shipping sustainability features',
});
P('ben-c', 'Ben Carter', 'Head of Product', 'SolarShare', {
  whatTheyDo: 'Community solar marketplace; writes about product for renewables',
  c: ['mtp'],
});
P('helen', 'Dr Helen Ward', 'Climate scientist', 'University of Reading', {
  whatTheyDo: 'Models ocean heat uptake and sea level rise',
  interests: 'climate communication',
});
P('gareth', 'Gareth Lloyd', 'Graduate recruiter', 'Barclays', {
  whatTheyDo: 'Hires graduates into investment banking',
  tags: ['recruitment'],
});
P('fern', 'Fern Walsh', 'Volunteer', 'Extinction Rebellion', {
  whatTheyDo: 'Organises climate protests and street theatre',
  interests: 'climate justice, activism',
});
P('owen', 'Owen Price', 'Product Manager', 'HSBC', {
  whatTheyDo: 'Mobile banking app; hiring a junior PM',
  c: ['mtp', 'sky'],
});
P('leila', 'Leila Haddad', 'Project Manager', 'Net Zero Buildings Programme', {
  whatTheyDo: 'Runs retrofit projects for council housing',
  tags: ['construction'],
});
P('mark-h', 'Mark Hughes', 'Head Chef', 'Dishoom', {
  whatTheyDo: 'Runs a busy kitchen; always hiring line cooks',
  needs: 'Reliable kitchen staff',
});
P('ingrid-s', 'Ingrid Solberg', 'Sustainability Manager', 'IKEA', {
  whatTheyDo: 'Supplier emissions reporting',
  interests: 'circular economy',
});

// Money: investors, accelerators, near-misses
P('hannah', 'Hannah Fischer', 'Angel investor', '', {
  whatTheyDo: 'Writes first cheques into B2B software',
  interests: 'climate software, carbon markets',
  tags: ['investor'],
});
P('marcus', 'Marcus Okafor', 'Partner', 'Giant Leap Seed', {
  whatTheyDo: 'Leads pre-seed and seed investments in climate software',
  c: ['ctl'],
});
P('julia', 'Julia Santos', 'Programme Director', 'Carbon13', {
  whatTheyDo: 'Runs a climate venture builder that funds founders through its cohort',
  tags: ['accelerator'],
});
P('oliver', 'Oliver Grant', 'Principal', 'Seedcamp', {
  whatTheyDo: 'Invests in early-stage European startups at pre-seed and seed',
});
P('kofi', 'Kofi Mensah', 'Founder', 'Deep Sky Removal', {
  whatTheyDo: 'Carbon removal startup',
  notes: 'Raised a seed round last year; offered to share his list of investors',
  tags: ['founder'],
  c: ['ctl'],
});
P('ed-b', 'Edward Blake', 'Investment Banker', 'Goldman Sachs', {
  whatTheyDo: 'M&A advisory for industrial companies',
});
P('cara', 'Cara Doyle', 'Composites Engineer', 'McLaren', { whatTheyDo: 'Designs carbon fibre parts for racing cars' });
P('pete', 'Peter Shaw', 'Chartered Accountant', 'Shaw & Co', {
  whatTheyDo: 'Accounting and tax returns for small businesses',
  tags: ['accounting'],
});
P('yusuf', 'Yusuf Kaya', 'Financial Planner', 'St James’s Place', {
  whatTheyDo: 'Pensions and investment advice for families',
});

// Law, compliance, fintech
P('tom-r', 'Tom Reyes', 'Senior Associate', 'Bird & Bird', {
  whatTheyDo: 'Advises fintechs on payments regulation, e-money and PSD2',
  tags: ['lawyer', 'fintech'],
  c: ['fin'],
});
P('nadia', 'Nadia Haddad', 'General Counsel', 'Paysend', {
  whatTheyDo: 'Leads legal for a cross-border payments company',
});
P('chris-o', 'Chris O’Neill', 'Solicitor', 'Hogan Lovells', {
  whatTheyDo: 'Financial services regulatory practice: payment institutions, consumer credit',
  c: ['uni'],
});
P('ingrid-b', 'Ingrid Berg', 'Head of Compliance', 'Wise', {
  whatTheyDo: 'MLRO; led the e-money licence application',
  c: ['fin'],
});
P('samuel', 'Samuel Osei', 'Regulatory consultant', 'Osei Advisory', {
  whatTheyDo: 'Helps payment firms apply for FCA authorisation and stay compliant',
});
P('ruth', 'Ruth Klein', 'Family lawyer', 'Klein Family Law', { whatTheyDo: 'Divorce and child arrangements' });
P('abdul', 'Abdul Rahman', 'Employment solicitor', 'Slater and Gordon', {
  whatTheyDo: 'Unfair dismissal and discrimination claims',
});
P('vera', 'Vera Novak', 'Payments Operations Analyst', 'Revolut', {
  whatTheyDo: 'Reconciles card transactions and chargebacks',
  c: ['team'],
});
P('ian-p', 'Ian Park', 'Patent attorney', 'Marks & Clerk', { whatTheyDo: 'Patents for medical devices' });
P('zara', 'Zara Ahmed', 'Founder', 'Tillpoint', {
  whatTheyDo: 'Point-of-sale software for independent cafés',
  tags: ['founder', 'fintech'],
  c: ['fin'],
});
P('li', 'Li Wei', 'Backend Engineer', 'Stripe', { whatTheyDo: 'Payment APIs and ledger services', c: ['team'] });

// Engineering leadership
P('sarah-v', 'Sarah Vance', 'VP of Engineering', 'Monzo', {
  whatTheyDo: 'Runs an engineering org of 120',
  interests: 'mentoring new managers',
  tags: ['mentor'],
  c: ['sky'],
});
P('kenji', 'Kenji Sato', 'CTO', 'Healthily', {
  whatTheyDo: 'Grew the engineering team from 5 to 60',
  tags: ['mentor'],
  c: ['dhn'],
});
P('grace', 'Grace Olsen', 'Leadership coach', 'Grace Olsen Coaching', {
  whatTheyDo: 'Coaches first-time engineering managers and tech leads',
});
P('matt-d', 'Matt Doyle', 'Engineering Manager', 'Spotify', {
  whatTheyDo: 'Has managed teams for eight years; runs the internal new-manager programme',
  c: ['sky'],
});
P('anil', 'Anil Gupta', 'Advisor', '', {
  whatTheyDo: 'Former Director of Engineering at Deliveroo; now advises startups on engineering leadership',
  tags: ['mentor'],
});
P('rob-m', 'Rob Morgan', 'Mechanical Engineer', 'Dyson', { whatTheyDo: 'Designs motors for vacuum cleaners' });
P('ella', 'Ella Byrne', 'Junior Software Engineer', 'Skyscanner', {
  whatTheyDo: 'Frontend work on the flights search page',
  needs: 'A mentor to grow as an engineer',
  c: ['sky'],
});
P('steve', 'Steve Jansen', 'Football coach', 'Clapton CFC', { whatTheyDo: 'Coaches the under-12s team' });
P('dmitri', 'Dmitri Volkov', 'Sales coach', 'Winning by Design', {
  whatTheyDo: 'Coaches sales leadership teams on pipeline reviews',
});

// Conferences and speaking
P('nina', 'Nina Larsen', 'Programme chair', 'Mind the Product conference', {
  whatTheyDo: 'Curates the speaker line-up for the biggest product management conference in Europe',
  c: ['mtp'],
});
P('jake', 'Jake Turner', 'Head of Events', 'ProductCon', {
  whatTheyDo: 'Organises product management conferences in London and New York',
});
P('amira', 'Amira Saleh', 'Organiser', 'ProductTank Edinburgh', {
  whatTheyDo: 'Runs the local product meetup and books speakers',
  c: ['mtp', 'uni'],
});
P('paul-k', 'Paul Kowalski', 'Product coach', '', {
  whatTheyDo: 'Keynote speaker at product conferences; helps PMs write talk proposals',
  tags: ['speaker'],
});
P('meera', 'Meera Iyer', 'Director of Product', 'Deliveroo', {
  whatTheyDo: 'Sits on the programme committee of Product at Heart',
  c: ['wip'],
});
P('rosa', 'Rosa Costa', 'Wedding planner', 'Bella Events', {
  whatTheyDo: 'Plans weddings and private events in Tuscany',
});
P('hugo', 'Hugo Dubois', 'Acoustic engineer', 'KEF', {
  whatTheyDo: 'Designs loudspeaker drivers and speaker cabinets',
});
P('tariq', 'Tariq Aziz', 'AV technician', 'ExCeL London', {
  whatTheyDo: 'Sets up sound and projectors for conference halls',
});
P('lucy-p', 'Lucy Pratt', 'Product photographer', 'Pratt Studio', {
  whatTheyDo: 'Photographs products for e-commerce listings',
});

// Health
P('alan', 'Alan Brooks', 'Head of Procurement', 'Leeds Teaching Hospitals NHS Trust', {
  whatTheyDo: 'Runs tenders for clinical systems and digital services',
});
P('farah', 'Dr Farah Qureshi', 'Chief Clinical Information Officer', 'Guy’s and St Thomas’', {
  whatTheyDo: 'Signs off which digital tools clinicians use in the hospital',
  c: ['dhn'],
});
P('jamie', 'Jamie Fox', 'Founder', 'Patchwork Health', {
  whatTheyDo: 'Sells workforce software to NHS trusts; knows the buying cycle',
  c: ['dhn'],
});
P('olu', 'Olu Adebayo', 'Digital Transformation Lead', 'NHS England', {
  whatTheyDo: 'Frameworks and funding for digital health in hospitals',
});
P('beth', 'Beth Howard', 'Account Director', 'Oracle Health', {
  whatTheyDo: 'Sells electronic patient records to NHS hospitals',
});
P('sunita', 'Sunita Rao', 'Commissioning Manager', 'North West London Integrated Care Board', {
  whatTheyDo: 'Commissions community health services',
});
P('kate-n', 'Kate Nolan', 'Staff Nurse', 'Whittington Hospital', { whatTheyDo: 'Works nights on a surgical ward' });
P('gary', 'Gary Mills', 'Procurement Manager', 'Sainsbury’s', { whatTheyDo: 'Buys packaging for own-brand products' });
P('tess', 'Tess Hart', 'Personal trainer', 'Fit Hackney', { whatTheyDo: 'Health and fitness coaching', c: ['run'] });
P('victor', 'Victor Lane', 'Vet', 'Village Vets', { whatTheyDo: 'Small animal practice' });
P('amy-w', 'Amy Wong', 'Product Manager', 'Babylon Health', {
  whatTheyDo: 'Built the symptom checker',
  c: ['dhn', 'mtp'],
});

// Press and comms
P('fiona', 'Fiona Harvey', 'Environment correspondent', 'The Guardian', {
  whatTheyDo: 'Reports on climate policy and energy',
});
P('nick', 'Nick Butler', 'Energy correspondent', 'Financial Times', {
  whatTheyDo: 'Covers power markets and the energy transition',
});
P('dana', 'Dana Evans', 'Deputy Editor', 'Carbon Brief', {
  whatTheyDo: 'Commissions analysis of climate science and policy',
});
P('imogen', 'Imogen Clark', 'PR consultant', 'Greenhouse Comms', {
  whatTheyDo: 'Pitches climate stories to national press and broadcasters',
  c: ['press'],
});
P('sam-b', 'Sam Bishop', 'Producer', 'BBC Radio 4', {
  whatTheyDo: 'Makes a weekly programme about the environment',
  c: ['press'],
});
P('joe', 'Joe Riley', 'Sports journalist', 'The Athletic', { whatTheyDo: 'Covers Premier League football' });
P('wendy', 'Wendy Ross', 'Press operator', 'Polestar Print', {
  whatTheyDo: 'Runs the printing press on the night shift',
});
P('harry', 'Harry Cole', 'Communications Manager', 'Aviva', {
  whatTheyDo: 'Internal communications for staff',
  c: ['press'],
});

// Data and ML
P('ana-l', 'Ana Lima', 'Data Scientist', 'Ocado', {
  whatTheyDo: 'Builds demand forecasting models for groceries',
  c: ['uni'],
});
P('wen', 'Wen Zhao', 'ML Engineer', 'Tesco', { whatTheyDo: 'Time-series forecasting of store sales in production' });
P('claire', 'Claire Dubois', 'Lecturer in Statistics', 'UCL', {
  whatTheyDo: 'Teaches forecasting and time series analysis',
});
P('raj', 'Raj Patel', 'Head of Data', 'ASOS', { whatTheyDo: 'Inventory and demand planning with machine learning' });
P('mo', 'Mohammed Ali', 'Analytics consultant', 'Mo Analytics', {
  whatTheyDo: 'Helps retailers with demand planning and stock forecasts',
});
P('bill', 'Bill Fraser', 'Meteorologist', 'Met Office', { whatTheyDo: 'Weather forecasting for aviation' });
P('ken-o', 'Ken Obi', 'Machine operator', 'Bakkavor', { whatTheyDo: 'Runs the packing machine on the salad line' });
P('lara', 'Lara Stein', 'Learning designer', 'FutureLearn', {
  whatTheyDo: 'Designs online courses for adult learners',
});
P('dev', 'Dev Menon', 'Store Manager', 'Zara', { whatTheyDo: 'Runs a fashion retail store of 40 staff' });

// Manufacturing
P('carl', 'Carl Jensen', 'Plant Manager', 'JCB', {
  whatTheyDo: 'Runs a factory of 800 people building excavators',
  c: ['mfg'],
});
P('rachel', 'Rachel Green', 'Operations Director', 'Renishaw', {
  whatTheyDo: 'Responsible for machining and assembly across three manufacturing sites',
  c: ['mfg'],
});
P('tony', 'Tony Walsh', 'Maintenance Engineer', 'Jaguar Land Rover', {
  whatTheyDo: 'Keeps the production line running; fixes robots and conveyors',
});
P('sian', 'Siân Evans', 'Head of Manufacturing Engineering', 'Rolls-Royce', {
  whatTheyDo: 'Improves equipment uptime in the turbine blade factory',
});
P('klaus', 'Klaus Becker', 'Partner Manager, Industrial IoT', 'Siemens', {
  whatTheyDo: 'Finds software partners for factory automation customers',
});
P('margaret', 'Margaret Hill', 'Chair', 'Midlands Manufacturing Forum', {
  whatTheyDo: 'Brings together manufacturers across the region',
  c: ['mfg'],
});
P('pat', 'Pat Quinn', 'Caretaker', 'Hackney Council', { whatTheyDo: 'Building maintenance for a block of flats' });
P('lisa-m', 'Lisa Meyer', 'Marketing Analyst', 'Unilever', {
  whatTheyDo: 'Predictive analytics for marketing campaigns',
});
P('gus', 'Gus Reid', 'Car salesman', 'Arnold Clark', { whatTheyDo: 'Sells used cars' });

// Charities and boards
P('helena', 'Helena Morris', 'Chair of Trustees', 'Teach First', {
  whatTheyDo: 'Leads the board of an education charity',
  c: ['uni'],
});
P('george', 'George Adams', 'CEO', 'Climate Outreach', {
  whatTheyDo: 'Runs a climate communication charity; recruiting two new trustees',
});
P('nkechi', 'Nkechi Eze', 'Programme Manager', 'Getting on Board', {
  whatTheyDo: 'Helps people from all backgrounds become charity trustees',
});
P('simon', 'Simon Tate', 'Non-executive director', '', {
  whatTheyDo: 'Sits on the boards of three charities and a housing association',
});
P('ruby', 'Ruby Ahmed', 'Head of Governance', 'NCVO', {
  whatTheyDo: 'Advises voluntary sector organisations on boards and governance',
});
P('finn', 'Finn Murphy', 'Board game designer', 'Tabletop Tales', { whatTheyDo: 'Designs cooperative board games' });
P('holly', 'Holly Price', 'Snowboard instructor', 'Snow Centre', {
  whatTheyDo: 'Teaches beginners at the indoor slope',
});
P('carol', 'Carol White', 'Shop volunteer', 'Oxfam Books', {
  whatTheyDo: 'Sorts donated books on Saturdays',
  c: ['run'],
});

// Schools
P('diane', 'Diane Foster', 'Headteacher', 'St Mary’s Primary School', {
  whatTheyDo: 'Leads a two-form entry primary in Hackney',
});
P('tom-h', 'Tom Hale', 'Year 2 teacher', 'Oakfield Primary', {
  whatTheyDo: 'Teaches phonics and early reading',
  interests: 'edtech in the classroom',
  c: ['run'],
});
P('nora', 'Nora Kelly', 'Literacy Lead', 'Ark Schools', { whatTheyDo: 'Supports reading across 20 primary academies' });
P('jess', 'Jess Burton', 'SENCO', 'Brookfield Primary', {
  whatTheyDo: 'Supports pupils with dyslexia and other needs',
});
P('ahmed', 'Ahmed Khan', 'School Improvement Officer', 'Hackney Council', {
  whatTheyDo: 'Works with primary schools on attainment in reading',
});
P('prof-m', 'Prof Martin Shaw', 'Professor of Physics', 'Imperial College', {
  whatTheyDo: 'Teaches undergraduate quantum mechanics',
});
P('dave-i', 'Dave Ingram', 'Driving instructor', 'Dave’s Driving School', { whatTheyDo: 'Teaches learners to drive' });
P('ivy', 'Ivy Chen', 'App Developer', 'Freelance', { whatTheyDo: 'Builds iOS apps for small businesses' });
P('bea', 'Bea Lowe', 'Bookshop owner', 'Lowe Books', {
  whatTheyDo: 'Runs an independent bookshop with a reading club',
});

// Policy and government
P('alex-t', 'Alex Turner', 'Policy Adviser, AI', 'Department for Science, Innovation and Technology', {
  whatTheyDo: 'Drafts the government’s approach to AI regulation',
  c: ['gov'],
});
P('miriam', 'Miriam Cohen', 'Head of AI Policy', 'Ada Lovelace Institute', {
  whatTheyDo: 'Think tank research on AI governance and public policy',
  c: ['gov'],
});
P('callum', 'Callum Ross', 'Public Affairs Manager', 'Google DeepMind', {
  whatTheyDo: 'Works with ministers and officials on AI legislation',
});
P('eun', 'Eun-ji Park', 'Civil servant', 'Office for AI', {
  whatTheyDo: 'Coordinates AI policy across government departments',
});
P('rhys', 'Rhys Jones', 'Senior Policy Officer', 'Information Commissioner’s Office', {
  whatTheyDo: 'Writes regulatory guidance on AI and data protection',
});
P('linda', 'Linda Berg', 'Underwriter', 'Hiscox', { whatTheyDo: 'Writes insurance policies for small businesses' });
P('mike-p', 'Mike Potter', 'Parking enforcement officer', 'Camden Council', {
  whatTheyDo: 'Enforces parking regulations',
});
P('oscar', 'Oscar Lind', 'ML Engineer', 'Wayve', { whatTheyDo: 'Trains driving models on fleet data' });

// Design
P('mia', 'Mia Fernandes', 'Senior Product Designer', 'Revolut', {
  whatTheyDo: 'Designs card and payments flows',
  needs: 'A new role at an earlier-stage startup',
  c: ['fin'],
});
P('sven', 'Sven Nilsson', 'Head of Design', 'Monzo', {
  whatTheyDo: 'Leads a design team of 30; knows every good product designer in fintech',
  c: ['sky'],
});
P('lily', 'Lily Hart', 'Design recruiter', 'Tonic Talent', {
  whatTheyDo: 'Places UX and product designers at startups',
});
P('omar', 'Omar Farouk', 'UX Lead', 'Starling Bank', {
  whatTheyDo: 'User research and interaction design for mobile banking',
});
P('jade', 'Jade Wilson', 'Organiser', 'Fintech Design Meetup', {
  whatTheyDo: 'Runs a community of designers working in financial services',
  c: ['fin'],
});
P('ivan', 'Ivan Petrović', 'Interior designer', 'Petrović Interiors', {
  whatTheyDo: 'Designs restaurant and hotel interiors',
});
P('chiara', 'Chiara Rossi', 'Fashion designer', 'Rossi Atelier', { whatTheyDo: 'Designs womenswear collections' });

// Audio and the future of work
P('max', 'Max Harding', 'Podcast producer', 'Audio Always', {
  whatTheyDo: 'Produces branded podcasts from idea to launch',
});
P('zoe', 'Zoë Kaplan', 'Host', 'WorkLife Weekly', {
  whatTheyDo: 'Hosts a podcast on careers and the changing workplace',
});
P('eva', 'Dr Eva Lindqvist', 'Researcher', 'Oxford Internet Institute', {
  whatTheyDo: 'Studies remote work and hybrid teams',
});
P('rafa', 'Rafael Gómez', 'Head of Remote', 'GitLab', {
  whatTheyDo: 'Designs how an all-remote company works; speaks on the future of work',
});
P('noah', 'Noah Bell', 'Sound engineer', 'Abbey Road Studios', {
  whatTheyDo: 'Records and mixes audio for podcasts and audiobooks',
});
P('sophie', 'Sophie Grant', 'Future Foods founder', 'Future Foods', { whatTheyDo: 'Plant-based ready meals' });
P('kyle', 'Kyle Dunn', 'Work experience coordinator', 'Camden School for Girls', {
  whatTheyDo: 'Finds placements for Year 10 pupils',
});

// The rest of the network: colleagues, alumni, neighbours, people met once.
P('anna-k', 'Anna Kowalczyk', 'Product Manager', 'Skyscanner', { whatTheyDo: 'Hotels search', c: ['sky', 'wip'] });
P('bo', 'Bo Lindgren', 'Engineering Manager', 'Skyscanner', { whatTheyDo: 'Leads the data platform team', c: ['sky'] });
P('chidi', 'Chidi Okeke', 'QA Engineer', 'Revolut', {
  whatTheyDo: 'Test automation for the payments team',
  c: ['team'],
});
P('dora', 'Dora Szabo', 'Product Designer', 'Revolut', { whatTheyDo: 'Onboarding flows', c: ['team'] });
P('emile', 'Émile Laurent', 'Data Analyst', 'Revolut', {
  whatTheyDo: 'Dashboards for the payments squad',
  c: ['team'],
});
P('femi', 'Femi Ade', 'Engineering Lead', 'Revolut', {
  whatTheyDo: 'Leads the payments squad engineers',
  c: ['team', 'org'],
});
P('goran', 'Goran Horvat', 'Product Director', 'Revolut', {
  whatTheyDo: 'Owns the retail banking product line',
  c: ['org'],
});
P('hana', 'Hana Sato', 'Product Marketing Manager', 'Revolut', {
  whatTheyDo: 'Launches new card features',
  c: ['org'],
});
P('inaki', 'Iñaki Etxeberria', 'Customer Support Lead', 'Revolut', {
  whatTheyDo: 'Runs the chat support team',
  c: ['org'],
});
P('jun', 'Jun Park', 'Software Engineer', 'Wise', { whatTheyDo: 'Mobile app', c: ['uni'] });
P('lena', 'Lena Schmidt', 'UX Researcher', 'Spotify', { whatTheyDo: 'Interviews listeners', c: ['sky'] });
P('mateo', 'Mateo García', 'Founder', 'Rutas', { whatTheyDo: 'Route planning for delivery vans' });
P('oskar', 'Oskar Nowak', 'Site Reliability Engineer', 'Cloudflare', { whatTheyDo: 'Keeps the edge network up' });
P('quinn', 'Quinn Byrne', 'Architect', 'Foster + Partners', {
  whatTheyDo: 'Designs airports and office towers',
  c: ['uni'],
});
P('rosa-l', 'Rosa Larsen', 'Physiotherapist', 'Hackney Physio', { whatTheyDo: 'Sports injuries', c: ['run'] });
P('tomas', 'Tomás Silva', 'Barista', 'Climpson & Sons', { whatTheyDo: 'Coffee', c: ['run'] });
P('uma', 'Uma Iyer', 'Pharmacist', 'Boots', { whatTheyDo: 'Community pharmacy' });
P('viktor', 'Viktor Popov', 'Chess coach', 'Hackney Chess Club', { whatTheyDo: 'Teaches chess to adults' });
P('wen-l', 'Wen Li', 'Translator', 'Freelance', { whatTheyDo: 'Mandarin to English legal translation' });
P('xavi', 'Xavi Puig', 'Chef', 'Barrafina', { whatTheyDo: 'Tapas restaurant' });
P('yara', 'Yara Haddad', 'Hotel manager', 'The Hoxton', { whatTheyDo: 'Runs a 200-room hotel' });
P('bjorn', 'Bjørn Andersen', 'Ship captain', 'Maersk', {
  whatTheyDo: 'Container ships between Rotterdam and Singapore',
});
P('carmen', 'Carmen Vidal', 'Museum curator', 'V&A', { whatTheyDo: 'Textiles collection' });
P('esther', 'Esther Cohen', 'Rabbi', 'New North London Synagogue', { whatTheyDo: 'Community leadership' });
P('greta', 'Greta Nilsson', 'Farmer', 'Nilsson Farm', { whatTheyDo: 'Dairy farm in Somerset' });
P('hiro', 'Hiro Tanaka', 'Game developer', 'Rocksteady', { whatTheyDo: 'Gameplay programming' });
P('ines', 'Inês Costa', 'Estate agent', 'Foxtons', { whatTheyDo: 'Lettings in east London' });
P('jakub', 'Jakub Nowak', 'Electrician', 'Sparks Ltd', { whatTheyDo: 'Domestic rewiring' });
P('kirsten', 'Kirsten Dahl', 'Pilot', 'easyJet', { whatTheyDo: 'Flies A320s' });
P('lucia', 'Lucía Moreno', 'Actor', '', { whatTheyDo: 'Theatre and voice work' });
P('malik', 'Malik Jones', 'Personal banker', 'Lloyds', { whatTheyDo: 'Mortgages and savings for branch customers' });
P('noor', 'Noor Rahman', 'Dentist', 'Smile Dental', { whatTheyDo: 'Family dentistry' });
P('paulo', 'Paulo Mendes', 'Musician', '', { whatTheyDo: 'Jazz guitarist' });
P('saoirse', 'Saoirse Ó Briain', 'Solutions Architect', 'AWS', {
  whatTheyDo: 'Cloud architecture for retail customers',
  c: ['uni'],
});
P('ulla', 'Ulla Svensson', 'Translator', 'EU Commission', { whatTheyDo: 'Swedish translation of legislation' });
P('walt', 'Walt Fischer', 'Retired', '', { whatTheyDo: 'Retired bus driver', c: ['run'] });
P('ximena', 'Ximena Ruiz', 'Yoga teacher', 'Yoga Hackney', { whatTheyDo: 'Vinyasa classes', c: ['run'] });
P('adam', 'Adam Clarke', 'Growth Marketer', 'Deliveroo', { whatTheyDo: 'Paid acquisition and referral programmes' });
P('bella', 'Bella Ortiz', 'Customer Success Manager', 'Salesforce', { whatTheyDo: 'Looks after enterprise accounts' });
P('connor', 'Connor Walsh', 'Account Executive', 'HubSpot', { whatTheyDo: 'Sells CRM to SMEs' });
P('delia', 'Delia Hunt', 'HR Business Partner', 'Aviva', { whatTheyDo: 'Employee relations and performance reviews' });
P('eli', 'Eli Stone', 'Security Engineer', 'Monzo', {
  whatTheyDo: 'Application security and threat modelling',
  c: ['sky'],
});
P('faye', 'Faye Kim', 'iOS Engineer', 'Deliveroo', { whatTheyDo: 'Rider app' });
P('gil', 'Gil Barak', 'DevOps Engineer', 'Ocado', { whatTheyDo: 'Kubernetes platform for warehouse robots' });
P('hal', 'Hal Morgan', 'Technical Writer', 'Twilio', { whatTheyDo: 'API documentation' });
P('iris', 'Iris Bloom', 'Florist', 'Bloom & Wild', { whatTheyDo: 'Wedding flowers' });
P('jon', 'Jon Hale', 'Plumber', '', { whatTheyDo: 'Boilers and bathrooms' });
P('kim-s', 'Kim Seo-yeon', 'Product Manager', 'Wise', { whatTheyDo: 'Business accounts', c: ['wip', 'fin'] });
P('lou', 'Lou Martin', 'Scrum Master', 'Sky', { whatTheyDo: 'Runs ceremonies for three teams' });
P('mo-k', 'Morgan Kaye', 'Office manager', 'WeWork', { whatTheyDo: 'Keeps a coworking floor running' });
P('nat', 'Natalie Cross', 'Photographer', '', { whatTheyDo: 'Portraits and headshots' });
P('ola', 'Ola Nordmann', 'Consultant', 'McKinsey', { whatTheyDo: 'Operations strategy for retailers' });
P('pia', 'Pia Keller', 'Data Engineer', 'Deliveroo', { whatTheyDo: 'Builds the data warehouse' });
P('rob-t', 'Rob Tan', 'Customer Insights Lead', 'Tesco', { whatTheyDo: 'Loyalty card analysis' });
P('sara-b', 'Sara Blom', 'Civil engineer', 'Arup', { whatTheyDo: 'Bridges and tunnels' });
P('tim', 'Tim Brooks', 'Primary school parent governor', 'Oakfield Primary', {
  whatTheyDo: 'Volunteers on the governing body',
  c: ['run'],
});
P('val', 'Valentina Greco', 'Product Manager', 'Deliveroo', { whatTheyDo: 'Restaurant onboarding', c: ['wip'] });
P('will', 'Will Archer', 'Firefighter', 'London Fire Brigade', { whatTheyDo: 'Watch manager at Stoke Newington' });
P('xin', 'Xin Liu', 'PhD student', 'Imperial College', {
  whatTheyDo: 'Battery chemistry',
  interests: 'climate tech startups',
});
P('yan', 'Yan Kowal', 'Barrister', 'Doughty Street Chambers', { whatTheyDo: 'Human rights and immigration cases' });
P('zed', 'Zed Okonjo', 'Brand designer', 'Pentagram', { whatTheyDo: 'Logos and visual identities' });
P('abby', 'Abby Moss', 'Community manager', 'Figma', { whatTheyDo: 'Runs Friends of Figma events' });
P('bruno', 'Bruno Costa', 'Logistics Manager', 'DHL', { whatTheyDo: 'Warehouse operations in Heathrow' });
P('cleo', 'Cleo Grant', 'Journalism student', 'City University', {
  whatTheyDo: 'Student newspaper',
  needs: 'An internship at a national paper',
});
P('dev-p', 'Devika Pillai', 'Product Manager', 'Ocado', { whatTheyDo: 'Picking robots software', c: ['mtp'] });
P('eamon', 'Eamon Burke', 'Publican', 'The Crown', { whatTheyDo: 'Runs a pub with a quiz night', c: ['run'] });
P('flo', 'Flo Adams', 'Midwife', 'Homerton Hospital', { whatTheyDo: 'Labour ward' });
P('gabe', 'Gabe Ito', 'Startup founder', 'Nook', { whatTheyDo: 'Booking app for hairdressers', tags: ['founder'] });
P('hattie', 'Hattie Lowe', 'Recruitment coordinator', 'Deliveroo', {
  whatTheyDo: 'Schedules interviews for engineering candidates',
});
P('ivo', 'Ivo Marsh', 'Estate manager', 'National Trust', { whatTheyDo: 'Woodlands and visitor paths' });
P('jas', 'Jas Bains', 'Pharmaceutical sales rep', 'Pfizer', { whatTheyDo: 'Visits GP surgeries' });
P('kai', 'Kai Müller', 'Software Engineer', 'Octopus Energy', { whatTheyDo: 'Billing platform' });
P('lotte', 'Lotte de Vries', 'Product Owner', 'ING', { whatTheyDo: 'Savings accounts app', c: ['fin'] });
P('mei', 'Mei Tan', 'UX Writer', 'Monzo', { whatTheyDo: 'Words in the app', c: ['sky'] });
P('nils', 'Nils Berg', 'Sailing instructor', 'Royal Yachting Association', { whatTheyDo: 'Dinghy courses' });

export const contacts: Contact[] = people;

// What was learned in conversations: some evidence lives only there.
const byName = (slug: string) => {
  const p = people.find((x) => x.id === `person-${slug}`);
  if (!p) throw new Error(`no person ${slug}`);
  return p.id;
};
export const interactions: Interaction[] = [
  interaction('greta-chat', {
    at: '2026-02-20T10:00:00Z',
    contactIds: [byName('mateo')],
    learned: 'He is moving his startup into electric van charging and hiring a product lead for it',
  }),
  interaction('kai-coffee', {
    at: '2026-02-25T10:00:00Z',
    contactIds: [byName('kai')],
    learned: 'Organises the internal tech talks at Octopus',
  }),
  interaction('eli-drinks', {
    at: '2025-06-01T10:00:00Z',
    contactIds: [byName('eli')],
    learned: 'Used to run a newsletter about football boots',
  }),
  interaction('ana-call', {
    at: '2026-03-01T10:00:00Z',
    contactIds: [byName('ana-l')],
    learned: 'Happy to walk through how they built their grocery demand model',
  }),
];

// ---- objectives and who truly could help ------------------------------------

export interface Labelled {
  objective: Objective;
  helpers: string[];
}

const O = (slug: string, title: string, description: string, kind: Objective['kind'], helpers: string[]): Labelled => ({
  objective: objective(slug, { title, description, kind }),
  helpers: helpers.map(byName),
});

export const labelled: Labelled[] = [
  O(
    'hiring',
    'Get introduced to hiring managers at 3 climate startups',
    'I am a PM looking for my next role in climate tech; warm intros to people who hire at early-stage climate companies.',
    'new-role',
    ['maya', 'tom-a', 'priya', 'lars', 'sofia', 'dan-k', 'aisha', 'mateo'],
  ),
  O(
    'climatepm',
    'Be known as a climate-minded PM',
    'Write and speak about product management for climate and energy products.',
    'visibility',
    ['jonas', 'chloe', 'ravi', 'elena', 'ben-c', 'lars', 'nina', 'paul-k'],
  ),
  O(
    'seed',
    'Raise a pre-seed round for my carbon accounting startup',
    'Looking for angels and early-stage funds who back climate software.',
    'other',
    ['hannah', 'marcus', 'julia', 'oliver', 'kofi', 'dan-k'],
  ),
  O(
    'paylaw',
    'Find a lawyer who knows payments regulation',
    'We need advice on e-money licensing and PSD2 for our wallet.',
    'other',
    ['tom-r', 'nadia', 'chris-o', 'ingrid-b', 'samuel'],
  ),
  O(
    'engmentor',
    'Find a mentor for stepping into engineering leadership',
    'First time managing a team of engineers; ideally someone who has been a VP of Engineering or CTO.',
    'learn',
    ['sarah-v', 'kenji', 'grace', 'matt-d', 'anil'],
  ),
  O(
    'speak',
    'Speak at a major product conference this year',
    'Get a talk accepted at a product management conference; I need to know organisers and programme committees.',
    'visibility',
    ['nina', 'jake', 'amira', 'paul-k', 'meera'],
  ),
  O(
    'nhs',
    'Learn how NHS trusts buy digital health software',
    'Understand procurement and who decides in hospitals before we sell our patient triage app.',
    'learn',
    ['alan', 'farah', 'jamie', 'olu', 'beth', 'sunita'],
  ),
  O(
    'press',
    'Get our climate report covered by the press',
    'Journalists and editors who cover climate and energy.',
    'visibility',
    ['fiona', 'nick', 'dana', 'imogen', 'sam-b', 'ravi'],
  ),
  O(
    'forecast',
    'Learn machine learning for demand forecasting',
    'Time-series forecasting for retail inventory.',
    'learn',
    ['ana-l', 'wen', 'claire', 'raj', 'mo'],
  ),
  O(
    'mfg',
    'Win manufacturing clients for our predictive maintenance tool',
    'Reach plant managers and operations directors at factories.',
    'clients',
    ['carl', 'rachel', 'tony', 'sian', 'klaus', 'margaret'],
  ),
  O(
    'trustee',
    'Join a charity board as a trustee',
    'Serve as a trustee or non-executive director for a nonprofit, ideally in education or climate.',
    'other',
    ['helena', 'george', 'nkechi', 'simon', 'ruby'],
  ),
  O(
    'schools',
    'Pilot our reading app in primary schools',
    'Teachers and headteachers willing to trial a phonics app with pupils.',
    'project-support',
    ['diane', 'tom-h', 'nora', 'jess', 'ahmed'],
  ),
  O(
    'aipolicy',
    'Understand how the government is shaping AI regulation',
    'Civil servants, policy advisers and regulators working on AI policy.',
    'learn',
    ['alex-t', 'miriam', 'callum', 'eun', 'rhys'],
  ),
  O(
    'designhire',
    'Hire a senior product designer',
    'Our startup needs a senior product designer with fintech experience; referrals welcome.',
    'project-support',
    ['mia', 'sven', 'lily', 'omar', 'jade'],
  ),
  O(
    'podcast',
    'Launch a podcast about the future of work',
    'Audio production, and guests who research remote and hybrid work.',
    'visibility',
    ['max', 'zoe', 'eva', 'rafa', 'noah'],
  ),
];

export const NOW = '2026-03-05T09:00:00Z';
export const ZONE = 'Europe/London';
