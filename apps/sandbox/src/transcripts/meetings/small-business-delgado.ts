import { buildTranscript } from './build-transcript';

export const smallBusinessDelgado = buildTranscript({
  id: 'small-business-delgado',
  title: 'Delgado Architecture: retirement plan and cash flow',
  topic: 'small-business owner: SEP IRA vs solo 401(k) and cash flow',
  durationMinutes: 26,
  participants: [
    { name: 'Michelle Tran', role: 'advisor', email: 'michelle.tran@keelwealth.example' },
    { name: 'Luis Delgado', role: 'client', email: 'luis@delgadoarchitecture.example' },
    { name: 'Ana Delgado', role: 'client', email: 'ana@delgadoarchitecture.example' },
    { name: 'Ben Ortiz', role: 'other', email: 'ben.ortiz@keelwealth.example' },
  ],
  speakers: { Michelle: 'Michelle Tran', Luis: 'Luis Delgado', Ana: 'Ana Delgado', Ben: 'Ben Ortiz' },
  script: `
Michelle: Hi Luis, hi Ana. Thanks for meeting at lunch. I've got Ben from my team on the line too. He did the cash flow analysis, so he'll jump in on that part.
Ben: Hi, both. Nice to meet you.
Luis: Hey Ben. Sorry, I'm eating a sandwich, I'll mute when I chew.
Ana: He won't.
Michelle: No judgment here. So, as a reminder, there were two things you wanted to tackle. First, setting up a retirement plan for the business, because right now you're not saving anything tax-advantaged. Second, getting a handle on cash flow, because the business income is lumpy and it's been stressful.
Luis: That's it. Last year we had three months where I didn't know if we'd make payroll, and then in October two big projects paid at once and we owed a fortune in taxes.
Michelle: Let's start with cash flow, because it affects how much you can put in a retirement plan. Ben?
Ben: Sure. I looked at the last twenty-four months of business bank statements that Ana sent. I'll share a chart.
~ 35 sharing the cash flow chart
Ben: The business brought in about four hundred and ten thousand in revenue last year. After expenses, Luis's net profit was about two hundred and sixty thousand. The problem is timing. Almost sixty percent of the revenue came in four months. And the other eight months, expenses were often higher than revenue.
Ana: That matches how it felt.
Ben: What I'd suggest is a simple system. All client payments go into the main operating account. On the first of each month, Luis pays himself a fixed salary, and we move a fixed percentage into a tax reserve account. Anything beyond three months of expenses gets swept into a profit account that funds the retirement plan and bonuses.
Luis: So I pay myself the same amount every month, even when a big check comes in.
Ben: Exactly. It smooths everything out. Based on the numbers, a salary of about nine thousand a month is sustainable, with roughly twenty-eight percent of every payment going into the tax reserve.
Luis: Twenty-eight percent seems like a lot.
Michelle: It covers federal income tax, self-employment tax, and the state. You were short last year, so I'd rather over-reserve. Any excess becomes a bonus in April once your CPA files.
Ana: I like that. I do the bookkeeping, and it would be nice to actually know what's available.
Michelle: Ana, you're on payroll, right?
Ana: Part time. I get about two thousand a month.
Michelle: That matters for the retirement plan discussion. Okay. Retirement plans. The two main options for a business your size are a SEP IRA and a solo 401k. Do you have any employees besides the two of you?
Luis: Not right now. I use contractors for drafting when it's busy.
Michelle: Contractors don't count as employees for this, as long as they're truly independent contractors. So you're eligible for a solo 401k, which is usually the better choice.
Luis: Why better? My old boss had a SEP and he said it was simple.
Michelle: A SEP is simple. The business contributes up to twenty-five percent of compensation, roughly twenty percent of net self-employment income for Luis. On two hundred sixty thousand, that would be around fifty thousand. But Ana, on two thousand a month, would only get about six thousand.
Ben: With a solo 401k, each of you can also make an employee deferral, on top of the employer contribution. That's where it really helps Ana. She could defer most of her salary, and the business can add a profit-sharing contribution.
Michelle: So Luis maxes out near the overall limit, around seventy thousand, and Ana can put away something like twenty-four thousand, depending on her salary. That's a big difference compared to the SEP.
Luis: That's a lot of tax savings.
Michelle: At your bracket, contributing ninety-some thousand could cut your federal tax bill by around thirty thousand. Plus the state. But it only works if the cash flow system is in place, because you have to actually have the cash.
Ana: What's the catch with the solo 401k?
Michelle: A bit more paperwork. Once the plan has more than two hundred fifty thousand, you file a Form 5500-EZ each year. And if you ever hire a full-time employee, you'd have to switch to a regular 401k that covers them. Also, to make employee deferrals for this year, the plan needs to be set up by December thirty-first.
Luis: Can we do a Roth?
Michelle: Most solo 401k providers now allow Roth deferrals. Given your income, I'd lean toward traditional for most of it. But Ana could do Roth, since her income is lower. We can fine-tune that.
Luis: Okay. How would you invest it?
Michelle: We'd use a diversified portfolio of low-cost index funds, mostly stocks given your ages and a twenty-plus year horizon. And honestly, our model portfolio has never had a losing year since we launched it, so you're in good hands.
Ana: Never? Not even in 2022?
Michelle: Well, the way we measure it, the growth model finished slightly positive that year. I'll send you the actual performance report with all the disclosures so you can see the numbers yourself.
Luis: Okay.
~ 150 Ana checks the accounting software for last year's contractor payments
Ana: I found it. We paid contractors about thirty-eight thousand last year. All of them sent us 1099 information.
Michelle: Good, that's clean. If any of them start working only for you, set hours, your equipment, that can look like an employee, and then the plan rules change. Keep an eye on that as you grow.
Luis: I've been thinking about hiring a junior architect next year.
Michelle: Then let's plan for it now. If you hire someone full time, the solo 401k would need to become a standard 401k, or a safe harbor plan, which costs more to run but still lets you put in a lot. I'd rather you know that before you make the offer than after.
Luis: Good to know. That could change my mind about the timing.
Michelle: Let's talk about the things that could go wrong for the business. Do you have disability insurance?
Luis: No. I keep meaning to.
Michelle: You're the business. If you can't work, the revenue stops. I'd prioritize an individual disability policy and a business overhead expense policy that covers rent and Ana's salary for up to a year. I'll get quotes.
Ana: And what if something happens to Luis permanently?
Michelle: Then we're talking about life insurance and a plan for the business. Architecture firms are often sold to another firm or to a key employee. Since you don't have employees yet, it's more about life insurance for now. I'll include term quotes.
Luis: Makes sense.
Ben: Can I confirm a few details for the plan documents? The business address is still 319 Foundry Street, Suite 4, in Providence?
Luis: Yes. We moved there last spring.
Ben: And the business phone is 401-555-0129?
Ana: That's the main line, yes.
Ben: And Luis, for the plan application I'll need the business EIN and both of your dates of birth. You can enter those on the secure portal rather than reading them out.
Luis: Okay. Mine's easy, it's the Fourth of July, 1979. I'll put the rest in the portal.
Ben: Perfect, thank you.
Michelle: One more thing. Taxes. You've been paying quarterly estimates based on last year, correct?
Ana: We paid them, but they weren't enough.
Ben: The CPA also mentioned last year you might benefit from an S corporation election once profit stays above a certain level. Has anyone talked to you about that?
Luis: He mentioned it. I didn't understand it.
Michelle: In short, you'd pay yourself a reasonable salary through payroll and take the rest as distributions, which can reduce self-employment tax. But it changes how the retirement contributions are calculated, because they're based on the salary only. It's a good conversation for your CPA, and we'll run the numbers both ways so you can decide together.
~ 120 Ben notes the S corporation question for the CPA
Michelle: So, with the tax reserve account, it's easy. Every quarter, your CPA tells us the estimate and it comes out of the reserve. No more October surprises.
Luis: I'd love no more October surprises.
Michelle: Let's recap. Ben will set up the three-account cash flow system with you, operating, tax reserve and profit. Luis takes a fixed salary of about nine thousand a month. We open a solo 401k before December thirty-first, with traditional deferrals for Luis and Roth for Ana. I'll get quotes for disability, business overhead and term life. And we'll coordinate with your CPA on the quarterly estimates.
Ana: What do you need from us?
Ben: The last two years of business tax returns, the current payroll setup, and the login for the business bank, read-only is fine. I'll send you the document request list today.
Michelle: And I'll send the solo 401k application and the plan documents by Friday. Let's meet again in three weeks to sign everything and go over the insurance quotes.
Luis: Sounds like a plan. This is the first time I feel like the business is working for us instead of the other way around.
Ana: Agreed. Thanks, both of you.
Michelle: Thank you. Enjoy the rest of your sandwich, Luis.
Luis: Already finished it.
Ana: Michelle, one more question. Should we keep paying down the equipment loan faster, or put that money in the 401k instead?
Michelle: What's the rate on the loan?
Ana: Seven and a half percent. About thirty-one thousand left.
Michelle: At seven and a half, paying it down is a solid, risk-free return. But the 401k contribution saves you tax at your top rate right away. My suggestion is to fund the 401k first this year, because of the deadline, and put the April tax reserve bonus toward the loan. Ben will show both in the cash flow plan.
Ben: I'll add a line for it.
`,
});
