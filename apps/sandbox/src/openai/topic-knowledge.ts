/**
 * What the sandbox "model" knows about advisory topics: how to recognise each in a transcript and a
 * few general, educational sentences to write posts from. The sentences avoid promises,
 * projections and product recommendations, as a well-behaved model following the firm's
 * guidance would.
 */
export interface TopicKnowledge {
  key: string;
  label: string;
  /** Lower-case patterns; a hit in a sentence counts toward the topic. */
  patterns: RegExp[];
  hashtags: string[];
  hook: string;
  facts: string[];
  question: string;
}

export const TOPICS: TopicKnowledge[] = [
  {
    key: 'social-security',
    label: 'Social Security timing',
    patterns: [/social security/, /claim(s|ing)? at/, /full retirement age/, /survivor benefit/],
    hashtags: ['#SocialSecurity', '#RetirementPlanning'],
    hook: 'When to claim Social Security is one of the few retirement decisions you generally cannot undo.',
    facts: [
      'Benefits grow for each year you delay past full retirement age, up to age 70.',
      "For married couples, the higher earner's benefit can become the survivor benefit, so the timing affects both spouses.",
      'The right age depends on health, other income and how long your savings need to last.',
    ],
    question: 'Have you and your spouse talked about when each of you plans to claim?',
  },
  {
    key: 'roth-conversion',
    label: 'Roth conversions',
    patterns: [/roth conversion/, /convert(ing)? (some|part|about)/, /roth ira/, /tax bracket/],
    hashtags: ['#RothConversion', '#TaxPlanning'],
    hook: 'The years between leaving work and claiming benefits can be a quiet window for tax planning.',
    facts: [
      'A Roth conversion moves money from a traditional IRA to a Roth IRA; you pay income tax on the amount converted in that year.',
      'Converting in lower-income years can reduce future required minimum distributions.',
      'Conversions interact with health insurance subsidies and Medicare premiums, so the amount matters.',
    ],
    question: 'Do you know which tax bracket you expect to be in during your first years of retirement?',
  },
  {
    key: 'retirement-income',
    label: 'retirement income planning',
    patterns: [/retire(ment|d|s)?\b/, /withdrawal/, /cash reserve/, /pension/, /required minimum distribution/],
    hashtags: ['#RetirementPlanning', '#RetirementIncome'],
    hook: 'A retirement date is more than a number on the calendar: it is the start of a paycheck you build yourself.',
    facts: [
      'Mapping which income sources start when, such as pensions, Social Security and savings, makes the early years easier to plan.',
      'Some retirees keep a reserve of cash and short-term bonds to cover withdrawals during market declines.',
      'Health insurance before Medicare eligibility is often the cost people underestimate.',
    ],
    question: 'What is the one retirement question you keep coming back to?',
  },
  {
    key: 'annuity',
    label: 'annuities',
    patterns: [/annuit(y|ies)/, /surrender (charge|schedule)/],
    hashtags: ['#Annuities', '#RetirementIncome'],
    hook: 'Annuities come in many shapes, and the details matter more than the name.',
    facts: [
      'Read the surrender schedule, caps and fees before committing money to any annuity contract.',
      "Guarantees in an annuity depend on the issuing insurer's ability to pay.",
      'An annuity is usually one piece of an income plan, not the whole plan.',
    ],
    question: 'What questions would you want answered before buying an annuity?',
  },
  {
    key: 'rollover',
    label: '401(k) rollovers',
    patterns: [/roll(ed|ing)? (it )?over/, /rollover/, /old 401k/, /previous employer/],
    hashtags: ['#401k', '#Rollover'],
    hook: 'An old 401(k) from a previous job is easy to forget and worth a second look.',
    facts: [
      'Options usually include leaving it in the old plan, moving it to a new employer plan, or rolling it into an IRA.',
      'Compare investment choices, fees and withdrawal rules before moving anything.',
      'A direct rollover avoids mandatory tax withholding on the transfer.',
    ],
    question: 'Do you have a retirement account from a past employer you have not looked at in a while?',
  },
  {
    key: 'college-529',
    label: 'saving for college with a 529 plan',
    patterns: [/\b529\b/, /college/, /tuition/, /fafsa/, /financial aid/],
    hashtags: ['#529Plan', '#CollegeSavings'],
    hook: 'The most powerful thing in college savings is usually time, not the perfect portfolio.',
    facts: [
      'A 529 plan lets savings grow tax-deferred, and withdrawals for qualified education expenses are tax-free.',
      'Many states offer a state income tax deduction for contributions to their own plan.',
      'Leftover funds can often go to a sibling, and in some cases part can move to a Roth IRA for the beneficiary.',
    ],
    question: 'Are grandparents in your family interested in helping with education costs?',
  },
  {
    key: 'emergency-fund',
    label: 'emergency funds',
    patterns: [/emergency fund/, /high-yield savings/, /months of expenses/],
    hashtags: ['#EmergencyFund', '#PersonalFinance'],
    hook: 'An emergency fund is the quiet foundation under every other financial goal.',
    facts: [
      'Many households aim for three to six months of essential expenses in cash.',
      'Rebuilding the fund after using it deserves a plan of its own, ideally automatic.',
      'Keeping it separate from everyday checking makes it less tempting to spend.',
    ],
    question: 'How many months of expenses would feel comfortable to you?',
  },
  {
    key: 'market-downturn',
    label: 'investing through market downturns',
    patterns: [/downturn/, /market (drop|fell|decline|bounc)/, /sold off/, /recession/, /volatil/, /down (about )?\d+ percent/, /go(ing)? to cash/],
    hashtags: ['#Investing', '#MarketVolatility'],
    hook: 'Market declines feel different when you are living through them than when you read about them later.',
    facts: [
      'Declines of 10% or more have happened many times, and their length and depth vary widely.',
      'A written plan made in calm times can help avoid decisions driven by headlines.',
      'Moving to cash means deciding twice: when to get out and when to get back in.',
    ],
    question: 'What helps you stay steady when the headlines get loud?',
  },
  {
    key: 'rebalancing',
    label: 'rebalancing',
    patterns: [/rebalanc/, /drifted/, /target (mix|allocation)/],
    hashtags: ['#Rebalancing', '#Investing'],
    hook: 'Rebalancing is a simple habit that does an uncomfortable thing on purpose.',
    facts: [
      'Over time, market moves pull a portfolio away from its target mix of stocks and bonds.',
      'Rebalancing brings it back, which can mean trimming what rose and adding to what fell.',
      'Doing it in steps, or on a schedule, takes some of the emotion out of the decision.',
    ],
    question: 'When did you last check whether your mix still matches your plan?',
  },
  {
    key: 'tax-loss-harvesting',
    label: 'tax-loss harvesting',
    patterns: [/tax-loss harvest/, /harvest(ing)?/, /wash sale/, /capital (gain|loss)/, /carr(y|ies) forward/],
    hashtags: ['#TaxLossHarvesting', '#TaxPlanning'],
    hook: 'A down year in a taxable account can still offer something useful.',
    facts: [
      'Selling an investment below its cost can realize a loss that offsets capital gains.',
      'Net losses can offset up to $3,000 of ordinary income a year, and the rest carries forward.',
      'The wash sale rule disallows the loss if a substantially identical security is bought within 30 days before or after.',
      'Harvesting lowers your cost basis, so it usually defers tax rather than eliminating it.',
    ],
    question: 'Do you review your taxable accounts for losses before the year ends?',
  },
  {
    key: 'charitable-giving',
    label: 'charitable giving strategies',
    patterns: [/donor advised fund/, /charit/, /qualified charitable distribution/, /donat/, /bunch/],
    hashtags: ['#CharitableGiving', '#TaxPlanning'],
    hook: 'How you give can matter almost as much as how much you give.',
    facts: [
      'Grouping several years of gifts into one year, for example through a donor-advised fund, can help when itemizing.',
      'Giving appreciated shares instead of cash can avoid the capital gain on those shares.',
      'After age 70½, qualified charitable distributions from an IRA can count toward giving without adding to taxable income.',
    ],
    question: 'Which causes matter most to your family?',
  },
  {
    key: 'concentrated-stock',
    label: 'concentrated stock and equity compensation',
    patterns: [/single stock/, /one (company|stock)/, /concentrat/, /vest(ed|ing|s)?\b/, /equity comp/, /individual stocks?/],
    hashtags: ['#EquityCompensation', '#Diversification'],
    hook: 'Believing in your company and wanting your future tied to it are two different decisions.',
    facts: [
      'When a large share of net worth sits in one stock, one company’s news can reshape a whole plan.',
      'Some people sell a set portion on a schedule as shares vest, rather than trying to time the market.',
      'Withholding on vested shares is often lower than the tax actually owed, so plan for the difference.',
    ],
    question: 'Do you know what share of your net worth is in a single company?',
  },
  {
    key: 'estate-planning',
    label: 'estate planning',
    patterns: [/estate/, /\btrusts?\b/, /\bwills?\b/, /probate/, /trustee/, /guardian/],
    hashtags: ['#EstatePlanning', '#FamilyWealth'],
    hook: 'Estate documents written when the kids were small rarely fit the family you have today.',
    facts: [
      'A revocable trust only avoids probate for assets that are actually retitled into it.',
      'Property in another state can mean a second probate unless it is held in a trust.',
      'Leaving an inheritance in trust, rather than outright, can add protection and structure.',
    ],
    question: 'When did your family last read through your estate documents?',
  },
  {
    key: 'beneficiaries',
    label: 'beneficiary designations',
    patterns: [/beneficiar(y|ies)/, /contingent/],
    hashtags: ['#Beneficiaries', '#EstatePlanning'],
    hook: 'A beneficiary form can override even a carefully drafted will.',
    facts: [
      'Retirement accounts and life insurance pass by beneficiary designation, not by your will.',
      'Life events like marriage, divorce, births and deaths are good reasons to review every form.',
      'Most non-spouse beneficiaries must empty an inherited IRA within ten years.',
    ],
    question: 'Could you name the beneficiaries on each of your accounts today?',
  },
  {
    key: 'powers-of-attorney',
    label: 'powers of attorney and health care directives',
    patterns: [/power(s)? of attorney/, /health care (power|directive)/, /can't make decisions/],
    hashtags: ['#EstatePlanning', '#Caregiving'],
    hook: 'The estate document families most often wish they had is not the will.',
    facts: [
      'A durable financial power of attorney lets someone you trust act if you cannot.',
      'A health care power of attorney and directive speak for you in medical decisions.',
      'Without them, a family may need to go to court to get authority.',
    ],
    question: 'Who would make decisions for you if you could not?',
  },
  {
    key: 'life-insurance',
    label: 'life insurance needs',
    patterns: [/life insurance/, /term (life|policy|insurance)/, /whole life/, /needs analysis/, /universal life/],
    hashtags: ['#LifeInsurance', '#FinancialPlanning'],
    hook: 'A new mortgage or a new baby is a good moment to ask whether your life insurance still fits.',
    facts: [
      'A needs analysis looks at debts, income replacement and future goals like education.',
      'Coverage through work often ends when you change jobs.',
      'Term insurance is designed for needs that end, such as a mortgage or raising children.',
    ],
    question: 'When did you last check your coverage against your current obligations?',
  },
  {
    key: 'disability-insurance',
    label: 'disability insurance',
    patterns: [/disability/, /own-occupation/, /overhead expense/],
    hashtags: ['#DisabilityInsurance', '#IncomeProtection'],
    hook: 'Your ability to earn an income may be your largest financial asset.',
    facts: [
      'Group disability benefits are often taxable when the employer pays the premium.',
      'Definitions matter: own-occupation coverage pays if you cannot do your own job.',
      'Many group policies cap the monthly benefit, which matters for higher earners.',
    ],
    question: 'Do you know how your disability coverage defines "disabled"?',
  },
  {
    key: 'long-term-care',
    label: 'long-term care planning',
    patterns: [/long-term care/, /medicaid/, /medi-cal/, /elder law/, /parkinson/],
    hashtags: ['#LongTermCare', '#Caregiving'],
    hook: 'Planning for long-term care often starts with a parent, not with ourselves.',
    facts: [
      'Medicare generally covers only short rehabilitation stays, not ongoing custodial care.',
      'Medicaid rules vary by state, and an elder law attorney can explain the options.',
      'Looking at coverage for yourself in your fifties usually means more choices.',
    ],
    question: 'Has your family talked about how care would be arranged if a parent needed it?',
  },
  {
    key: 'umbrella',
    label: 'umbrella liability insurance',
    patterns: [/umbrella/, /liability/],
    hashtags: ['#RiskManagement', '#Insurance'],
    hook: 'A pool, a teenage driver or a rental property can change your liability picture.',
    facts: [
      'An umbrella policy adds liability coverage above your home and auto limits.',
      'It is often inexpensive relative to the coverage it provides.',
      'Carriers usually require certain underlying limits on your other policies.',
    ],
    question: 'Have your liability limits kept up with your life?',
  },
  {
    key: 'small-business-retirement',
    label: 'retirement plans for business owners',
    patterns: [/\bsep\b/, /solo 401k/, /self-employ/, /profit-sharing/, /the business/, /5500/],
    hashtags: ['#SmallBusiness', '#Solo401k'],
    hook: 'Business owners often fund everything except their own retirement.',
    facts: [
      'A SEP IRA is simple: the business contributes a percentage of compensation.',
      'A solo 401(k), for owners without employees other than a spouse, adds employee deferrals on top of employer contributions.',
      'Plan deadlines differ, and some contributions require the plan to exist before year-end.',
    ],
    question: 'Which retirement plan does your business offer you today?',
  },
  {
    key: 'cash-flow',
    label: 'cash flow for business owners',
    patterns: [/cash flow/, /payroll/, /tax reserve/, /lumpy/, /estimated (tax )?payment/, /quarterly estimates?/],
    hashtags: ['#CashFlow', '#SmallBusiness'],
    hook: 'Lumpy income makes every month feel like a forecast.',
    facts: [
      'Paying yourself a fixed salary from the business account can smooth uneven revenue.',
      'Setting aside a percentage of every payment for taxes can prevent surprises at filing time.',
      'Separate accounts for operating, taxes and profit make it easier to see what is truly available.',
    ],
    question: 'How do you handle the months when revenue is light?',
  },
  {
    key: 'advice-fees',
    label: 'how advisors are paid',
    patterns: [/fee-only/, /fiduciary/, /how i get paid/, /planning fee/, /custodian/],
    hashtags: ['#FinancialAdvice', '#Fiduciary'],
    hook: 'You should always get a straight answer about what financial advice costs.',
    facts: [
      'Ask any advisor how they are paid: fees, commissions or both.',
      'Seeing the cost in dollars, not only as a percentage, makes it concrete.',
      'Ask where your accounts are held and who can move money out of them.',
    ],
    question: 'What would you want to know before hiring a financial advisor?',
  },
  {
    key: 'fraud',
    label: 'protecting yourself from financial scams',
    patterns: [/scam/, /claiming to be from/, /trusted contact/, /red flag/, /suspicious/],
    hashtags: ['#FraudPrevention', '#ElderFinancialProtection'],
    hook: 'A caller who knows your birthday and address is not proof they are your bank.',
    facts: [
      'Legitimate institutions do not call to ask for your password or full account number.',
      'If in doubt, hang up and call the number printed on your statement.',
      'Naming a trusted contact on your accounts gives your firm someone to call if something looks wrong.',
    ],
    question: 'Have you talked with older family members about phone scams?',
  },
];

/** Used when nothing in the input matches a known topic. */
export const GENERAL_TOPIC: TopicKnowledge = {
  key: 'financial-planning',
  label: 'financial planning',
  patterns: [],
  hashtags: ['#FinancialPlanning'],
  hook: 'Good planning usually starts with a conversation, not a product.',
  facts: [
    'Writing down goals, timelines and worries makes trade-offs easier to see.',
    'Reviewing a plan regularly matters as much as creating it.',
    'Small, automatic habits tend to outlast big one-time decisions.',
  ],
  question: 'What financial question is on your mind this month?',
};
