import { buildTranscript } from './build-transcript';

export const taxLossHarvestingMarsh = buildTranscript({
  id: 'tax-loss-harvesting-marsh',
  title: 'Marsh year-end tax-loss harvesting with CPA',
  topic: 'tax-loss harvesting',
  durationMinutes: 21,
  participants: [
    { name: 'Nathan Cole', role: 'advisor', email: 'nathan.cole@granitepointadvisors.example' },
    { name: 'Evelyn Marsh', role: 'client', email: 'evelyn.marsh@mailbox.example' },
    { name: 'Harold Greene', role: 'other', email: 'hgreene@greenecpa.example' },
  ],
  speakers: { Nathan: 'Nathan Cole', Evelyn: 'Evelyn Marsh', Harold: 'Harold Greene' },
  script: `
Nathan: Evelyn, Harold, thanks for jumping on. I know December is a busy month for both of you.
Evelyn: It's fine. Year-end at my company is chaos, so this is a nice break, weirdly.
Harold: Happy to be here. I always prefer talking before the year closes rather than in March when it's too late.
Nathan: Exactly why I set this up. The main topic is tax-loss harvesting in Evelyn's taxable account. Then I want Harold's take on the bonus Evelyn is getting in January, and whether we should do anything with the donor advised fund before December thirty-first.
Evelyn: Okay. Start with the harvesting, because I still don't quite get it, even though you've explained it twice.
Nathan: No problem. Third time's the charm. When an investment in a taxable account is worth less than you paid for it, you can sell it and realize the loss. That loss offsets capital gains you've realized elsewhere, and if losses exceed gains, up to three thousand dollars a year can offset your regular income. Anything beyond that carries forward to future years.
Evelyn: But then I'm out of the market.
Nathan: That's the key. You immediately buy something similar, but not substantially identical, so you stay invested. For example, if we sell an S&P 500 fund from one company, we might buy a total market fund from another company. Your exposure is almost the same.
Harold: And you can't buy back the same or a substantially identical security within thirty days before or after the sale. That's the wash sale rule. It also applies across accounts, including your IRA, and it applies to your spouse's accounts if you're married, which you're not, so that's easier.
Evelyn: Ha. Yes. One of the perks.
Nathan: Let me share the list I put together.
~ 40 sharing the harvesting worksheet
Nathan: So there are four positions with losses. The international developed fund is down about eighteen thousand. The emerging markets fund, about nine thousand. The short-term bond fund is down three thousand, mostly because of rates. And the small-cap value fund is down about six thousand.
Evelyn: That's thirty-six thousand in losses.
Nathan: Right. On the other side, you realized about twenty-two thousand in gains this year, mostly from the fund distributions and the sale of the tech stock in March.
Harold: So the harvest would wipe out the twenty-two thousand of gains, then three thousand against ordinary income, and roughly eleven thousand would carry forward.
Evelyn: And how much tax does that save?
Harold: Depends on what the gains were. If they're long-term, at your income you'd be paying fifteen percent plus the three point eight percent net investment income tax, plus state. Roughly, I'd say the total benefit this year is in the five to six thousand range. Plus the carryforward is worth something in future years.
Nathan: And honestly, Evelyn, with this strategy you'll never pay capital gains tax again. We just keep harvesting every year and the gains disappear.
Harold: I'd push back a little on that, Nathan. Harvesting lowers your cost basis, so it's more of a deferral than an elimination. When Evelyn eventually sells the replacement funds, the gain is larger. It's still valuable, especially if the money is eventually donated or passed on with a step-up in basis, but it's not a permanent exemption.
Nathan: Fair point, Harold. That's a better way to put it. It's a deferral, and the deferral is worth a lot.
Evelyn: Okay. So we defer taxes, and we might avoid them if I give the shares to charity or leave them to my nephews.
Harold: Right.
Evelyn: What would you buy instead of the international fund, just so I understand?
Nathan: A fund from a different provider that tracks a different index of developed international markets. The holdings overlap heavily, but the indexes are different, which is what most practitioners rely on to avoid the substantially identical problem. Harold, do you agree with that approach?
Harold: That's the common approach. The IRS has never defined substantially identical precisely for funds, so switching between indexes from different providers is the conservative way to do it. I'd avoid swapping between two funds that track the exact same index.
~ 120 Nathan pulls up the replacement fund comparison
Nathan: Here's the comparison. Ninety-one percent overlap by weight, similar expense ratio, similar performance history. I'm comfortable with it.
Evelyn: Okay. Then let's do it. What do you need from me?
Nathan: Just your approval on the trade list. I'll place the sells and the replacement buys on the same day, probably Thursday. One question. Do you have any automatic dividend reinvestment in the IRA that would buy the same international fund?
Evelyn: No idea.
Nathan: I'll check. If it does, I'll turn it off for the next thirty days to avoid a wash sale.
Harold: Good catch. That's the one that trips people up.
Nathan: Next topic. Evelyn, your bonus.
Evelyn: Yes. It's going to be big this year. My company had a great year. Probably around a hundred and eighty thousand, paid in January.
Harold: So that lands in next year's income. Your salary plus that puts you firmly in the thirty-five percent bracket.
Nathan: Which makes next year a great year to bunch charitable giving. You give to a few causes every year, right?
Evelyn: The animal shelter, the public radio station, and my alma mater. Maybe ten thousand a year in total.
Nathan: Because of the higher standard deduction, ten thousand a year doesn't really help you on its own. But if you put, say, fifty thousand into a donor advised fund in one year, that's five years of giving. You get the deduction in the high-income year, and then you grant it out to the charities over time.
Harold: And instead of cash, give appreciated shares. You avoid the capital gain and deduct the full market value.
Evelyn: Do I have shares that are up?
Nathan: The large-cap growth fund you've had since 2014 is up over a hundred percent. Giving fifty thousand of that would avoid about twenty-five thousand in gains.
Evelyn: Do I do that this year or next year?
Harold: Next year, in the bonus year. Early January, even. That's when the deduction is worth the most.
Nathan: I'll set up the donor advised fund account in December so it's ready, and we'll move the shares in early January.
Evelyn: Can I still give to the shelter in December like I always do? Their year-end campaign matters to them.
Harold: Of course. Give this year's gifts from cash the way you usually do. The bunching starts next year.
Nathan: And once the fund is open, you can recommend grants whenever you like. The charities just see a check from the fund, with your name on it if you want.
Evelyn: I like that I could stay anonymous if I wanted to.
~ 150 Harold checks his notes from last year's return
Harold: I looked at last year's return. You already have a small capital loss carryforward of about twelve hundred dollars, so add that to what we just discussed.
Evelyn: Great. One more thing. My 401k. Should I max it this year? I think I'm a little short.
Nathan: You're about four thousand short of the limit, and since you're over fifty, you can put in the catch-up contribution too. I'd bump the last paycheck if payroll allows it.
Harold: Starting next year, because of the new rules, if your wages are over the threshold, your catch-up contributions have to go into the Roth side of the 401k. So check that your plan offers a Roth option.
Evelyn: I'll ask HR. What's the best way to reach them... never mind, that's my problem.
Harold: If they don't offer it yet, a lot of plans are adding it this year because of that rule, so it's worth asking early rather than in December.
Nathan: I'll send you a summary of the rule so you can forward it to them.
Evelyn: Perfect. Harold, do you need anything from me before the year ends?
Harold: Your fourth-quarter estimated payment. You should pay it by January fifteenth. I'll send you a voucher. And please send me the brokerage statements as soon as the 1099s come out.
Evelyn: I'll do that. By the way, my cell changed. It's 503-555-0176 now, in case either of you needs me quickly.
Nathan: Got it, I'll update my records. Okay, so to wrap up. I'll place the tax-loss harvesting trades on Thursday after you approve the list. I'll check the IRA dividend reinvestment. I'll open the donor advised fund this month and move the appreciated shares in January. And I'll send you the Roth catch-up summary.
Harold: And I'll send the estimated payment voucher and a projection for next year with the bonus and the donation.
Evelyn: This is why I pay you both. Thank you.
Nathan: Have a good rest of your week, Evelyn. Harold, thanks as always.
Harold: Take care.
Evelyn: Oh, wait, before you both go. My nephew asked me about opening a Roth IRA with his summer job money. He's sixteen. Is that something I could help with?
Nathan: Absolutely. If he has earned income, he can contribute up to what he earned, up to the annual limit. Since he's a minor, it would be a custodial Roth IRA, and you could gift him the money to contribute as long as he actually earned that much.
Harold: Keep a record of the job, pay stubs or a W-2. That's the part people get audited on.
Evelyn: That's a lovely idea. I'll talk to my sister. Thanks again, you two.
`,
});
