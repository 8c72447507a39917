import { buildTranscript } from './build-transcript';

export const collegeSavingsOkafor = buildTranscript({
  id: 'college-savings-okafor',
  title: 'Okafor family college savings (529)',
  topic: 'college savings 529 plan',
  durationMinutes: 24,
  participants: [
    { name: 'Marcus Bell', role: 'advisor', email: 'marcus.bell@crestviewplanning.example' },
    { name: 'Chidi Okafor', role: 'client', email: 'chidi.okafor@inbox.example' },
    { name: 'Renee Okafor', role: 'client', email: 'renee.okafor@inbox.example' },
  ],
  speakers: { Marcus: 'Marcus Bell', Chidi: 'Chidi Okafor', Renee: 'Renee Okafor' },
  script: `
Marcus: Hi Chidi, hi Renee. Thanks for making time on a weeknight. I know evenings with two little ones are not exactly quiet.
Renee: They're finally asleep, so we have maybe forty minutes before someone needs water.
Chidi: Or a monster check under the bed.
Marcus: Then let's make the most of it. You both told me in your email that the main goal tonight is college savings for the kids. Before we get into accounts, tell me what you're picturing. Are you hoping to cover everything, or give them a head start?
Renee: Honestly, I graduated with about sixty thousand in loans, and it took me eleven years to pay them off. I don't want that for them. I'd love to cover an in-state public school completely.
Chidi: I'm a little more relaxed about it. I think they should have some skin in the game. But I agree we should cover the bulk of it.
Marcus: That's a really common split, and it's healthy to talk about it out loud. Let's aim for in-state public tuition, room and board as the target, and treat anything beyond that as a family conversation when they're teenagers. How old are the kids now?
Renee: Amara is four. Her birthday is September 9, 2021. And Tobi just turned two in June.
Marcus: So Amara has about fourteen years until college and Tobi about sixteen. That's a great runway. Time is the most powerful thing you have here.
Chidi: That's what everyone says, but what does it mean in actual dollars?
Marcus: Let me pull up the calculator I use. Give me a second.
~ 40 opening the college cost calculator
Marcus: Okay. Today, an in-state public university in Ohio, with tuition, fees, room and board, is running around twenty-eight thousand a year. If costs keep growing at about five percent a year, by the time Amara starts, four years could be somewhere around two hundred twenty thousand. I want to be clear that's an estimate, not a promise, costs could grow faster or slower.
Renee: Two hundred twenty thousand. For one kid.
Marcus: For one kid, at today's trend. Now, you don't have to save all of that. Financial aid, scholarships, what they earn, and what you pay from income while they're in school all play a part. A lot of families aim to save half to two thirds.
Chidi: What would that look like per month?
Marcus: For Amara, to reach about a hundred and forty thousand, you'd be looking at roughly four hundred fifty a month, assuming a moderate return. For Tobi, a little less per month because he has two extra years. Call it four hundred.
Renee: So about eight fifty total. That's doable if we cut back on some things.
Chidi: We could also redirect the money we were putting in the savings account for them.
Marcus: That's the first thing I'd look at. Now let's talk about where the money goes. The most common vehicle is a 529 plan. It's an investment account sponsored by a state. The growth isn't taxed, and withdrawals are tax free as long as they're used for qualified education expenses, which includes tuition, books, room and board, and even up to ten thousand a year for private K through 12 tuition.
Renee: And Ohio gives a state tax deduction, right? I read that somewhere.
Marcus: Ohio lets you deduct up to four thousand dollars of contributions per beneficiary per year from your state income tax. So with two kids, up to eight thousand a year. That's a nice little bonus for using the Ohio plan.
Chidi: What if one of them doesn't go to college? Amara wants to be a firefighter this week.
Marcus: Good question, and it's the one that stops a lot of people. A few options. You can change the beneficiary to a sibling, or even to yourselves if you go back to school. Trade schools and apprenticeships often qualify. And since 2024, there's a rule that lets you roll up to thirty-five thousand over a lifetime from a 529 into a Roth IRA for the beneficiary, as long as the account's been open fifteen years and a few other conditions are met.
Renee: Oh, that's nice. So the money isn't trapped.
Marcus: It's much less trapped than it used to be. If you take it out for something else, the earnings are taxed and there's a ten percent penalty on the earnings, not on your contributions.
Chidi: Okay. What about investments inside it? My coworker has his kids' 529 in some aggressive portfolio and he says it's up like crazy.
Marcus: Most plans offer an age-based option that starts out mostly in stocks and gradually shifts to bonds and cash as the child gets closer to college. For kids as young as yours, I actually lean toward the aggressive age-based track. Honestly, with fourteen years to go, this will double in five years, and you'll be way ahead of the game.
Renee: Double in five years? That seems like a lot.
Marcus: Well, it's done that before in good stretches. The point is that stocks have the most room to grow when you have a long timeline. It'll be more volatile, so you have to be okay seeing the balance drop in a bad year.
Chidi: I can handle that. Renee checks the accounts more than I do though.
Renee: I do. I'd probably panic.
Marcus: That's honest, and it's useful to know about yourself. A plan you can stick with in a bad year is better than a plan that looks great on paper but makes you want to sell at the bottom.
Chidi: What's the actual difference between the tracks? Like in percentages.
Marcus: Roughly, for a four-year-old, the aggressive track would be about ninety percent stocks, the moderate one about seventy-five, and the conservative one closer to fifty. All of them gradually move toward bonds and cash by the time the child is eighteen. Let me show you the glide path chart so you can see it.
~ 180 reviewing the plan's glide path chart
Renee: Okay, seeing the lines helps. The moderate one still has a lot in stocks when she's little.
Marcus: It does. It just has a bit more cushion.
Marcus: Then maybe we pick the moderate track for now and revisit. The difference matters less than actually contributing every month. Consistency beats picking the perfect portfolio.
Renee: I like that.
Marcus: Let's talk about the grandparents, because you mentioned your mom wants to help.
Renee: My mom, yes. She keeps sending checks at birthdays and we just deposit them in the kids' savings.
Marcus: A grandparent can contribute directly to the kids' 529s, or even open their own. There's also a gift tax rule that lets someone front-load five years of annual exclusion gifts into a 529 at once, if she ever wanted to do something bigger. And a recent change in the financial aid formula means a grandparent-owned 529 no longer counts against the student on the FAFSA.
Chidi: Wait, so it's better if her mom owns it?
Marcus: It can be neutral or better for aid purposes now. But it also means she controls it. So it depends on how your family wants to handle it. Most families I work with keep it simple and have the grandparent gift into the parent-owned account. Ohio's plan has a gifting link you can send her.
Renee: Can you send me that link? My email is renee.okafor@inbox.example.
Marcus: Of course. I'll send the link and a one-page summary of everything we talked about tonight.
Chidi: What about our own retirement? I don't want to put everything into the kids and forget about us.
~ 150 Chidi steps away to check on Tobi
Chidi: Sorry about that. False alarm, he was talking in his sleep. What did I miss?
Renee: Nothing, I was just asking Marcus about our own retirement. Go ahead, Marcus.
Marcus: Sure. I'm really glad you asked that, because it's the most important point tonight. Your kids can borrow for college. Nobody lends you money for retirement. So we make sure you're both capturing the full employer match in your 401ks first, and then we fund the 529s.
Renee: I'm getting the match. Chidi, are you?
Chidi: I think so. I'd have to check. I'm putting in six percent.
Marcus: Your plan matches up to five, so six is fine. I'd like to see both of you increase by one percent each year when you get raises. It's the kind of change you don't really feel.
Chidi: We can do that.
Renee: And what about the emergency fund? We dipped into it when the furnace died in February.
Marcus: Good point. How much is in there now?
Renee: About nine thousand. It used to be fifteen.
Marcus: I'd like to rebuild it to about four months of expenses, so closer to eighteen thousand, over the next year. We can run that alongside the 529 contributions, maybe starting the 529s a little lower for the first few months if that's easier. The order matters less than making both automatic.
Chidi: So, like, two hundred a month extra into savings until it's back up?
Marcus: That would get you there in about a year. That works.
Marcus: Let's recap. The target is in-state public for both kids, saving roughly half to two thirds. We'll open two Ohio 529s, one for Amara and one for Tobi, start at four fifty and four hundred a month, and use the moderate age-based portfolio for now. Renee's mom gets the gifting link. And you both keep capturing your match and bump it a percent a year.
Renee: That's clear. What do we need to do?
Marcus: I'll send you the account application links tomorrow. You'll need the kids' Social Security numbers and your bank routing information to set up the automatic contributions, so have those handy. Please don't send those by email, we'll enter them on the secure portal.
Chidi: Got it. And when do we check in again?
Marcus: Let's schedule a short follow up in about six weeks to confirm everything's funded, and then a full review once a year, usually around the kids' birthdays so it's easy to remember.
Renee: That works. Thank you, Marcus. This feels a lot less overwhelming than I thought.
Chidi: Yeah, thanks. I was dreading this and it was actually kind of fun.
Marcus: That's my favorite kind of feedback. Go get some sleep before the water requests start.
`,
});
