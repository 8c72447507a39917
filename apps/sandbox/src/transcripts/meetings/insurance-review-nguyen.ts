import { buildTranscript } from './build-transcript';

export const insuranceReviewNguyen = buildTranscript({
  id: 'insurance-review-nguyen',
  title: 'Nguyen family insurance review',
  topic: 'insurance review: life, disability and long-term care',
  durationMinutes: 22,
  participants: [
    { name: 'Alicia Moreno', role: 'advisor', email: 'alicia.moreno@northfieldwealth.example' },
    { name: 'Kevin Nguyen', role: 'client', email: 'kevin.nguyen@mailbox.example' },
    { name: 'Thu Nguyen', role: 'client', email: 'thu.nguyen@mailbox.example' },
  ],
  speakers: { Alicia: 'Alicia Moreno', Kevin: 'Kevin Nguyen', Thu: 'Thu Nguyen' },
  script: `
Alicia: Hi Kevin, hi Thu. Thanks for hopping on. Congratulations again on the new house, by the way. How's the move going?
Thu: Slowly. We're still living out of boxes, but the kids love their rooms.
Kevin: And I've discovered I own far too many power tools.
Alicia: That's a good problem. So today is our annual insurance review. With the new mortgage and Thu's new job, it's a good time to make sure your coverage still fits. I'll go through life insurance, disability, and then we can touch on long-term care for your parents, since Thu mentioned that last time.
Thu: Yes, that's been on my mind.
Alicia: Let's start with life insurance. Kevin, you have a twenty-year term policy for seven hundred fifty thousand that we bought in 2019. Thu, you have coverage through work, which is two times your salary, and a small term policy for two hundred fifty thousand.
Kevin: Right.
Alicia: The new mortgage is five hundred twenty thousand. Childcare and school costs go up for the next fifteen years or so. And Thu, your salary went up quite a bit with the new role, which is wonderful, but it also means your family depends on that income more.
Thu: I hadn't thought about it that way.
Alicia: I ran a needs analysis. Let me share it.
~ 30 sharing the needs analysis
Alicia: The way to read this is, if either of you passed away, how much money would the surviving spouse need to pay off the mortgage, replace the lost income until the kids are out of the house, and fund college. For Kevin, the need is about one point four million. For Thu, it's about one point two million now.
Kevin: So we're short.
Alicia: You're short on both. Kevin, by about six hundred fifty thousand. Thu, your work coverage is about three hundred eighty thousand, plus your two fifty term, so you're short by about five hundred seventy thousand. And the work coverage goes away if you change jobs.
Thu: What would it cost to close the gap?
Alicia: Term insurance is the most efficient tool for this. I got preliminary quotes. For Kevin, a new twenty-year term policy for seven hundred thousand is around forty-two dollars a month, assuming he qualifies at the preferred rate. For Thu, a twenty-year term for six hundred thousand is around thirty-one a month.
Kevin: That's less than I expected.
Alicia: Term is inexpensive when you're in your thirties and healthy. The price depends on underwriting, so there'll be a short medical exam and some questions about health history.
Kevin: I had that knee surgery.
Alicia: That's usually not an issue. They're more interested in things like blood pressure, cholesterol, and tobacco. Are either of you using tobacco, even occasionally?
Kevin: No.
Thu: No.
Alicia: Great. I'd suggest we layer the new policies on top of the existing ones rather than replacing them. Kevin's current policy has fourteen years left at a locked-in rate, which is a good deal, so we keep it.
Thu: That makes sense.
Thu: Can I ask a dumb question? Why not just get whole life, so we have it forever?
Alicia: It's not a dumb question at all. Permanent insurance makes sense for some situations, like funding an estate tax bill or providing for a child with special needs for life. For your goal, which is protecting the family until the mortgage is paid and the kids are grown, term gives you much more coverage for the money. A similar amount of whole life would cost you several hundred dollars a month each.
Kevin: That settles it.
~ 150 Alicia sends the quote summary to the chat
Alicia: I just put the quote summary in the chat so you can look at it later. Next, disability. Honestly, this is the one I worry about more than life insurance for people your age. You're far more likely to be out of work for an extended period because of an illness or injury than to pass away before retirement.
Kevin: I have disability through work. Sixty percent of salary, I think.
Alicia: Right. Two things to know about that. First, group disability benefits are usually taxable if your employer pays the premium, so sixty percent can feel like forty-five after taxes. Second, it often has a cap. Your plan caps at ten thousand a month. And it may only pay if you can't do any job, not your specific job, after two years.
Kevin: I didn't know that. I'm a surgical nurse. If I couldn't stand for long shifts, I couldn't do my job.
Alicia: Exactly. That's why I'd look at an individual disability policy with own-occupation language to supplement the work coverage. For someone in your role, that definition is important. I'll get quotes from two carriers.
Thu: And me?
Alicia: Your new employer's plan is actually stronger. It's own-occupation for the first five years and the benefit is tax free because you pay the premium through payroll. I'd leave yours alone for now.
Thu: Good. One less thing.
Alicia: Now, long-term care. Thu, tell me what's going on with your parents.
Thu: My mom was diagnosed with early Parkinson's last spring. She's doing okay now, but my dad is seventy-eight and I don't know how long he can manage things. They don't have much saved, and they don't have long-term care insurance.
Alicia: I'm so sorry. That's a lot to carry.
Thu: Thank you. I guess my question is, what's going to happen if she needs more help? And should we be thinking about this for ourselves?
Alicia: Two separate questions, and both are good. For your parents, at their age and with her diagnosis, buying long-term care insurance isn't realistic. What we can do is help you understand what Medicare covers, which is limited to short rehab stays, and what Medicaid would cover if their assets are low. I'll send you a one-page guide and I'd suggest you talk to an elder law attorney in their state. Where do they live?
Thu: San Jose. At 884 Almaden Road.
Alicia: California has its own program, Medi-Cal, with its own rules. I have a contact at an elder law firm out there. I'll make an introduction.
Thu: My brother lives nearby and he's been taking her to appointments. Should he be part of this?
Alicia: I'd definitely include him. It helps if your parents have powers of attorney and health care directives in place now, while your mom can still sign them, so your brother can act if needed. The elder law attorney can do that in one meeting.
Thu: I'll talk to him this weekend.
~ 120 Thu writes down the steps
Thu: That would help so much.
Alicia: For the two of you, the best time to look at long-term care coverage is in your fifties. It's not urgent today, but I'll put it on our plan for five or ten years from now. In the meantime, we're building your savings, which is the other way to self-insure.
Kevin: What about umbrella insurance? My brother-in-law said we need it now that we have a house with a pool.
Alicia: Your brother-in-law is right. A pool increases your liability exposure. An umbrella policy sits on top of your home and auto insurance and covers lawsuits above those limits. A one million dollar umbrella usually runs a few hundred dollars a year. I'd get a quote from your home insurer, because bundling is usually cheaper.
Kevin: I'll call them. The policy number for the home is HO-3392-118-07, if you need it.
Alicia: I'll note it, thanks. Let's also make sure the beneficiaries are right on everything. Kevin, your term policy lists Thu as primary and your estate as contingent. Now that you have a trust, we should change the contingent to the trust so the money for the kids is managed properly.
Kevin: Oh, right. We did the trust in January.
Alicia: Same for Thu's policies and the work coverage. I'll send you the change forms.
Thu: Can you send them to my personal email? It's thu.nguyen@mailbox.example. I don't check the work one for personal stuff.
Alicia: Will do. So, to recap the plan. New term policies for both of you, seven hundred thousand for Kevin and six hundred thousand for Thu. An individual own-occupation disability quote for Kevin. An umbrella quote from your home insurer. Beneficiary updates to point to the trust. And for your parents, a long-term care guide and an introduction to an elder law attorney in California.
Kevin: That's a lot, but it all makes sense.
Thu: Alicia, honestly, you're the best advisor we've ever had, tell everyone. I mean it. Our last guy just tried to sell us whole life every year.
Alicia: That's very kind of you, Thu. I'm just glad the plan makes sense for your family.
Kevin: So what happens next?
Alicia: I'll send the insurance applications and the beneficiary forms by Wednesday. The carrier will call to schedule the medical exams, usually at your home. I'll follow up with the disability quotes within two weeks, and I'll email the elder law introduction today. Call me if anything on the applications is confusing.
Thu: We will. Thank you.
Kevin: Thanks, Alicia. Good luck with the rest of your day.
Alicia: You too. Go unpack some boxes.
Kevin: Actually, one quick thing before you go. My company's open enrollment is next month. Should I drop the supplemental life they offer now that we're getting individual policies?
Alicia: Good timing on that question. Group supplemental life usually gets more expensive every five years as you age, and it's not portable when you leave. Once the new policies are approved and in force, not before, you can probably drop it. Send me the enrollment guide and I'll look at the numbers with you.
Kevin: Will do. Thanks again.
`,
});
