import { buildTranscript } from './build-transcript';

export const retirementPlanningHollis = buildTranscript({
  id: 'retirement-planning-hollis',
  title: 'Hollis retirement income plan',
  topic: 'retirement planning',
  durationMinutes: 30,
  participants: [
    { name: 'Dana Whitfield', role: 'advisor', email: 'dana.whitfield@harborlinewealth.example' },
    { name: 'Gary Hollis', role: 'client', email: 'gary.hollis@mailbox.example' },
    { name: 'Linda Hollis', role: 'client' },
    { name: 'Priya Raman', role: 'other', email: 'priya.raman@harborlinewealth.example' },
  ],
  speakers: { Dana: 'Dana Whitfield', Gary: 'Gary Hollis', Linda: 'Linda Hollis', Priya: 'Priya Raman' },
  script: `
Dana: Good morning, both of you. Can you hear me all right? I've got Priya on with us as well, she's the paraplanner who built most of what we're going to look at today.
Gary: We can hear you fine. Linda's just grabbing her coffee.
Linda: I'm here, I'm here. Morning, Dana. Hi Priya.
Priya: Good morning. Nice to finally put faces to the names on all those statements.
Dana: So the plan for today is pretty simple. We want to pressure test the retirement date, talk about when to claim Social Security, and decide what to do with Gary's old 401k. And I want to leave time for questions, because I know the last few months have been a little stressful.
Gary: That's fair. The market bouncing around hasn't helped my sleep.
Dana: Understandable. Let's start with the date. Gary, last time you said you wanted to stop working at the end of next June. Is that still the target?
Gary: It is. I'll be sixty-three then. My birthday's March 14, 1963, so I'd have a few months past sixty-three. The company is doing a reorganization, and honestly I'm ready.
Linda: And I'm going to keep teaching part time for at least two more years. I like it, and it gets me out of the house.
Dana: That actually helps the numbers quite a bit. Priya, do you want to walk them through the income picture?
Priya: Sure. I'm going to share my screen. Let me know when you see a chart with blue and green bars.
~ 45 sharing the income projection
Gary: Got it.
Priya: So the blue bars are guaranteed income, meaning Social Security and Linda's teacher pension once she retires. The green bars are what we'd draw from your investment accounts. The first two years, while Linda is still working, the withdrawals are modest, about forty-two thousand a year. After that they step up to roughly sixty-one thousand until Social Security starts.
Linda: And when does Social Security start in this version?
Priya: In this version, Gary claims at seventy and Linda claims at sixty-seven. That's the combination that gave the highest lifetime benefit in our analysis, assuming one of you lives into your late eighties.
Gary: Seventy feels like a long way off. My brother took his at sixty-two and he keeps telling me I'm crazy to wait.
Dana: I hear that a lot. Here's the trade-off in plain terms. Every year Gary waits past full retirement age, his benefit grows by about eight percent, and because his benefit is the larger one, it also becomes Linda's survivor benefit if he passes first. So waiting is really a form of longevity insurance for Linda.
Linda: I didn't realize that part. So if he waits, I'm the one who benefits later on.
Dana: Potentially, yes. The cost is that you're drawing more from the portfolio in your sixties. That's what the taller green bars are.
Gary: What happens if the market drops thirty percent the year I retire? That's my real fear.
Dana: That's the right question, and it's why we built a cash reserve into the plan. Priya, show them the bucket slide.
Priya: So we hold about two years of withdrawals in cash and short-term Treasuries. If the market has a bad year, you draw from that bucket and give the stock side time to recover instead of selling low.
Gary: Okay. That makes me feel a little better.
Dana: And there's something else I want to put on the table. For part of the money, I've been looking at a fixed indexed annuity. Honestly, you can't lose money with this, the principal is protected and you still participate when the market goes up. For someone who's nervous about a crash right at retirement, I think it's a great fit.
Linda: That sounds almost too good. What's the catch?
Dana: There are surrender charges if you pull the money out in the first seven years, and the upside is capped. So it's not for the whole portfolio. We'd be talking about maybe a hundred and fifty thousand.
Gary: I'd want to see it in writing before we decide anything.
Dana: Absolutely. I'll send you the product illustration and the contract summary so you can read it without me in the room.
Priya: I'll add the surrender schedule as a separate page, because that's usually the part people want to look at twice.
Dana: Let's move to the old 401k. Gary, remind me, that's still sitting at your previous employer?
Gary: Yes. It's with the plan from my job at the distribution company. The account number is 5521-8832-0471, if that helps. There's about three hundred eighty thousand in it.
Priya: That helps, thank you. I'll note it on the rollover paperwork.
Dana: Our recommendation is to roll that into an IRA in your name, mostly because it gives us more flexibility with Roth conversions. Which brings me to the part I'm most excited about.
Linda: Roth conversions. You mentioned these last time and I didn't totally follow.
Dana: No problem. Between the time Gary stops working and the time Social Security and required minimum distributions kick in, you'll be in an unusually low tax bracket. If we convert some of the traditional IRA to a Roth each year during that window, you pay tax now at a lower rate, and that money grows tax free afterward. It also shrinks the required minimum distributions you'd be forced to take starting at seventy-five.
Gary: How much are we talking about converting?
Priya: The draft plan converts about forty-five thousand a year for five years, which keeps you inside the twelve percent bracket with Linda's part-time income. We'd revisit it every November once we know your actual income for the year.
Gary: And we pay the tax on that out of what?
Priya: Ideally from the taxable brokerage account, not from the IRA itself. Otherwise you lose some of the benefit.
Linda: Do we need to talk to our tax person about this?
Dana: Yes, I'd like to loop in your CPA. I'll set up a call with her in the next couple of weeks. Can you send me her contact information?
Linda: It's Marjorie, at the office on Main Street. I'll email you her number tonight.
Dana: Perfect. Now, let's talk about health insurance, because that's the piece people forget. Gary, if you retire at sixty-three, you're two years away from Medicare.
Gary: The company offers COBRA for eighteen months.
~ 150 Gary looks up the COBRA letter
Gary: Found the letter. It says the election window is sixty days after my last day, and the premium is whatever the full cost is plus two percent.
Dana: Right, and COBRA is expensive. The other option is a marketplace plan, and here's where the Roth conversions interact with your premiums, because the premium subsidy depends on your income. So we have to balance those two.
Priya: I ran both scenarios. With COBRA, the premiums are about two thousand one hundred a month. On a marketplace plan with a moderate conversion, it's closer to nine hundred.
Gary: That's a big difference.
Dana: It is. So my suggestion is that we size the conversions in those two years to keep the subsidy, and convert more aggressively once you're on Medicare. Although there's a two-year look back on Medicare premiums too, so we'll plan around that as well.
Linda: This is a lot of moving parts.
Dana: It is, and that's our job to keep track of. You two just need to tell us when something changes.
~ 120 Priya shares the health insurance comparison
Gary: Speaking of changes, my phone number changed. It's (614) 555-0187 now. The old one still forwards, but just in case.
Priya: Updated. And the mailing address is still 2218 Larkspur Lane in Westerville?
Linda: Still Larkspur Lane. We're not going anywhere. Although we've talked about a condo in South Carolina.
Dana: Tell me more about that, because a second home changes the spending plan.
Linda: It's more of a dream than a plan. My sister lives near Myrtle Beach and we'd spend winters down there.
Dana: Let's model it as a what-if. Renting for three months a year versus buying. I don't want that to be a surprise two years from now.
Priya: I can build that into the spending worksheet. Roughly what does a winter rental cost down there?
Linda: My sister pays about twenty-four hundred a month for a two-bedroom near the water, but she's there year round. Seasonal might be more.
Priya: I'll use three thousand a month for three months as a starting point, so nine thousand a year, growing with inflation. If you buy instead, we'd look at the down payment, property taxes, insurance, and the fact that it would take a chunk of the portfolio out of the market.
Gary: And hurricanes. Don't forget hurricanes. The insurance down there is crazy now.
Dana: That's a real consideration. Flood and wind coverage along the coast has gotten expensive, and some carriers have pulled out of certain areas. It's another reason renting first is a reasonable way to test it.
~ 200 Priya updates the spending worksheet while they talk through travel
Gary: I'd probably rent first. I don't want to be a landlord in retirement.
Dana: That's a very sensible instinct. Okay, let me check the time. We've covered the date, Social Security, the cash reserve, the annuity question, the rollover and the conversions. What's on your minds that we haven't touched?
Gary: The kids. We want to help our granddaughter with college at some point.
Dana: Good. Let's make that its own conversation, because there are some new rules about rolling leftover 529 money into a Roth for the beneficiary that might be interesting for you.
Linda: She's only three, so there's time. Our son and his wife have opened something already, I think.
Dana: Then the simplest thing might be to gift into the account they already have. Grandparent contributions can also count toward your annual gift exclusion, so there's no tax issue at the amounts you're thinking about. We'll look at it together.
Linda: One more thing. I keep reading that everyone should have long-term care insurance. Are we behind on that?
Dana: Not behind, but it's a decision we should make before Gary turns sixty-five, because the premiums and the underwriting get harder. I'll bring two options to our next meeting, a traditional policy and a hybrid life policy with a care rider.
Gary: Okay. So what do you need from us?
Priya: Three things. Linda, the CPA's contact. Gary, a recent statement from the old 401k, the full one with the investment options. And both of you, please look over the spending worksheet I'll email today and tell me if anything looks off, especially travel.
Gary: Travel is going to look off. Linda wants to see every national park.
Linda: Every one of them. I have a list.
Dana: Then we'll put every one of them in the plan. Here's the next step on our side. I'll send the annuity illustration and the rollover recommendation by Friday, Priya will schedule the call with your CPA, and we'll meet again in about four weeks to make decisions. Does that work?
Gary: That works. Thanks, Dana. This was the most useful meeting we've had.
Linda: It really was. I feel like I understand the Social Security piece for the first time.
Dana: I'm glad. Take care of yourselves, and go easy on the market news this week.
`,
});
