import { buildTranscript } from './build-transcript';

export const portfolioReviewBrennan = buildTranscript({
  id: 'portfolio-review-brennan',
  title: 'Brennan portfolio review after the downturn',
  topic: 'portfolio review after a market downturn',
  durationMinutes: 24,
  participants: [
    { name: 'Elena Vargas', role: 'advisor', email: 'elena.vargas@summitridgeadvisors.example' },
    { name: 'Tom Brennan', role: 'client', email: 'tbrennan1957@mailbox.example' },
    { name: 'Kate Brennan', role: 'other' },
  ],
  speakers: { Elena: 'Elena Vargas', Tom: 'Tom Brennan', Kate: 'Kate Brennan' },
  script: `
Elena: Hi Tom. And is that Kate with you? Hi Kate, it's been a while.
Kate: Hi Elena. Dad asked me to sit in, I hope that's okay.
Elena: Of course. Tom, you signed the form last year that lets me talk to Kate about your accounts, so we're all set. How are you doing?
Tom: Honestly, not great. I opened my statement last week and I almost threw up. We're down, what, eighteen percent from the peak?
Elena: The stock portion is down about that much from the high in February. The whole portfolio, including the bonds and the cash, is down a little under eleven percent. I know that still feels awful. It's a real amount of money.
Tom: It's a hundred and forty thousand dollars, Elena. That's two years of my pension.
Elena: I know. And I'm not going to tell you it doesn't matter. What I want to do today is go through what happened, what hasn't changed about your plan, and whether we should do anything. Is that all right?
Tom: Go ahead.
Elena: So, what happened. The market fell hard over about seven weeks. Rates went up faster than people expected, a couple of big tech companies missed their earnings, and then everything sold off together. It's the fourth decline of more than fifteen percent since we started working together in 2009.
Kate: Four? I only remember the COVID one.
Elena: There was one in 2011, one at the end of 2018, 2020 with COVID, and 2022. Tom, do you remember what we did in 2020?
Tom: We didn't sell. You talked me out of it. And then it came back.
Elena: It came back, and I want to be careful here, it came back that time. There's no guarantee about how long this one lasts. But your plan was built expecting years like this. Let me share the plan summary.
~ 35 screen share of the plan summary
Elena: This is the page I want you to look at. Your monthly spending is about six thousand two hundred. Your pension and Social Security cover four thousand nine hundred of that. So the portfolio only has to provide about thirteen hundred a month. That's a withdrawal rate of roughly one point two percent a year, which is very low.
Tom: So I'm not going to run out of money?
Elena: Based on everything we can see, your plan can absorb a decline much bigger than this one. The last stress test we ran assumed a forty percent decline in the first year and you still had money left at ninety-five. That's the real reason I'm not worried about your income.
Kate: That's reassuring. Dad, you hear that?
Tom: I hear it. I just don't like seeing the number go down.
Elena: Nobody does. Can I ask, what specifically kept you up at night? Was it the number, or something you read?
Tom: It was the news. Every channel was saying it was the start of a recession. And my neighbor moved everything to cash and he keeps bragging about it.
Elena: Your neighbor might be right for a few months, or he might miss the recovery. The problem with going to cash is you have to be right twice, when to get out and when to get back in. Most people get the second part wrong.
Tom: That's what you said in 2020 too.
Kate: Can I ask what you're seeing with the bonds? I thought bonds were supposed to go up when stocks go down.
Elena: Often they do, and this time they helped, but less than usual. Your bond funds are down about two percent, mostly because interest rates rose. The good news is that the yields on new bonds are much higher than they were three years ago, so going forward the bond side is paying you more income.
Tom: So the bonds did their job, sort of.
Elena: Sort of, yes. They're the reason the whole portfolio is down eleven and not eighteen.
~ 120 Elena pulls up the bond holdings
Elena: Here they are. Mostly intermediate-term Treasury and high-quality corporate funds, average yield a little over four and a half percent now.
Tom: That's more than my savings account.
Elena: A good deal more. Okay. I'm consistent, at least. Now, let's talk about what we can do that's actually useful. Three things. First, rebalancing. Because stocks fell, your mix drifted from sixty percent stocks to about fifty-two. Rebalancing means selling some bonds and buying stocks to get back to the target.
Tom: Buying more of the thing that's falling? That sounds backwards.
Elena: It feels backwards, but it's the discipline of buying low that we agreed to when we wrote your investment policy. We do it gradually, in two or three steps over the next couple of months, so we're not trying to pick the bottom.
Kate: What's the second thing?
Elena: Tax-loss harvesting in the taxable account. Some of the funds there are below what you paid. We can sell them, capture the loss for taxes, and buy a similar fund right away so you stay invested. The loss can offset gains and up to three thousand a year of ordinary income.
Tom: I like the idea of getting something out of this mess.
Elena: That's exactly how to think about it. The third thing is your cash reserve. You have about eighteen months of withdrawals in the money market. I'd like you to draw from that for now instead of selling anything.
Tom: Okay. What about Meridian Health? I bought that on my own a few years ago, in the brokerage account. It's down thirty percent.
Elena: Meridian. Honestly, at this price, I'd buy more of that stock. I think it's a steal right now and it'll bounce back once the hospital numbers come out.
Kate: Really? I thought you usually don't like single stocks.
Elena: You're right, I usually say keep individual stocks small. It's about four percent of your dad's money now, so I wouldn't go crazy. Let me look at it more carefully before we do anything and get back to you.
Tom: Fair enough.
Kate: Can I ask about something else? Dad's been getting calls from people claiming to be from his bank. One of them asked for his account number.
Elena: That's important, thank you for raising it. Tom, did you give them anything?
Tom: I almost did. They knew my birthday, June 2, 1957, and my address on Willow Creek Drive. That's what made it feel real.
Elena: That information is unfortunately easy to find. Here's the rule. Your bank and my firm will never call and ask for your account number or your password. If anyone calls, hang up and call the number on your statement. Your custodial account number here ends in 7719, and if someone recites a full number to you, that's a red flag, not proof.
Kate: I've been telling him that.
Elena: I'd also suggest we add Kate as a trusted contact on the account. It doesn't give her authority to trade, but it lets us call her if we ever see something suspicious.
Tom: Do that. Kate's phone is 412-555-0143.
Elena: I'll send you the trusted contact form. Kate, you'll get a separate email to confirm.
Kate: Great.
Elena: Let's go back to the plan for a second. Tom, is anything changing in your life? Any big purchases coming up, health things, travel?
Tom: The roof. The guy said it needs replacing in the next year or two. Probably twenty-two thousand.
Elena: Good to know. Did you get more than one quote?
Tom: Just the one. The guy who did my neighbor's roof.
Elena: I'd get at least two more. Roofers are busy after the spring storms and prices vary a lot. And check whether any of it is covered by your homeowner's insurance, if there was storm damage.
Kate: There was hail in April. I'll help him call the insurance company.
Elena: Good. We'll set the money aside from the cash reserve rather than sell stocks at the bottom. Anything else?
Tom: I want to take the grandkids to Ireland next summer. Kate's two and my son's three.
Kate: He's been talking about this trip for five years.
~ 150 Tom goes to find his reading glasses
Tom: Sorry. Back. Where were we? Ireland.
Elena: Ireland. We budget for it. A family trip like that is exactly what the portfolio is for. Roughly what are you thinking?
Tom: Maybe fifteen thousand, all in.
Elena: We'll plan it into next year's withdrawals. Here's what I'm going to do. I'll start the rebalance in three steps, beginning next week. I'll run the tax-loss harvesting review and send you the list of trades before we place them. I'll set aside twenty-two thousand for the roof and fifteen for Ireland in the cash reserve. And I'll send the trusted contact form today.
Tom: And you'll look at Meridian?
Elena: I'll look at Meridian and follow up with you in writing.
Kate: Thank you, Elena. This helped. He was really rattled.
Tom: I was. I feel better. Still don't like the number.
Elena: You don't have to like it. You just have to not let it make decisions for you. Call me anytime, Tom, and please don't check the account every day. Once a month is plenty.
Tom: I'll try. No promises.
Kate: I'll hide the app on his phone.
Elena: That might be the best investment advice anyone gives today. Tom, one last thing. When we meet in three months, I'll show you how the rebalance and the harvesting worked out, in dollars, so you can see what we did and why. Is the Tuesday morning slot still good for you?
Tom: Tuesdays are good. After my walk.
Elena: Perfect. I'll send an invitation for the second week of next quarter. Take care, both of you.
`,
});
