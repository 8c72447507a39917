import { buildTranscript } from './build-transcript';

export const estatePlanningCastellano = buildTranscript({
  id: 'estate-planning-castellano',
  title: 'Castellano estate plan update with counsel',
  topic: 'estate planning',
  durationMinutes: 32,
  participants: [
    { name: 'Robert Kim', role: 'advisor', email: 'robert.kim@lakeshorefinancial.example' },
    { name: 'Frank Castellano', role: 'client', email: 'frank.castellano@mailbox.example' },
    { name: 'Maria Castellano', role: 'client' },
    { name: 'Susan Albright', role: 'other', email: 'salbright@albrightlaw.example' },
  ],
  speakers: { Robert: 'Robert Kim', Frank: 'Frank Castellano', Maria: 'Maria Castellano', Susan: 'Susan Albright' },
  script: `
Robert: Okay, I think everyone's here. Frank, Maria, thank you for coming in. And Susan, thanks for joining from your office. Frank and Maria, Susan is the estate attorney I mentioned. She's worked with a number of my clients and she's very good at translating legal language into English.
Susan: I try. Good afternoon, both of you.
Maria: Good afternoon. We're glad you're here, because the last time we did our wills was when the kids were in grade school.
Frank: Which was 2004. So, twenty-some years ago.
Robert: That's the main reason for today. A lot has changed. The kids are grown, you have four grandchildren, you sold the hardware business, and the tax laws have changed more than once. Susan, do you want to start with what you found in the old documents?
Susan: Sure. I read through the wills and the trust you sent over. The short version is they were written for a young family. They name a guardian for minor children, which no longer applies, and they leave everything to the surviving spouse and then equally to the three children outright at age twenty-five. There's a revocable trust, but as far as I can tell, it was never funded.
Frank: What does that mean, never funded?
Susan: It means the trust exists on paper, but nothing was ever retitled into its name. Your house, your brokerage account, they're all still in your personal names. So if something happened, the trust wouldn't control them, and the house would probably go through probate.
Maria: Oh no. We thought we'd taken care of that.
Robert: It's very common, Maria. People sign the trust and then nobody follows through on the retitling. That's part of what we'll fix.
Frank: Okay. So what do we need to do?
Susan: Let's start with your goals before we talk about documents. What matters most to you?
Maria: Taking care of each other first. Then the kids, equally. And we want to help the grandkids with school.
Frank: And I want to make sure Michael's share is protected. Our middle son. He's had some trouble with money. He's doing better now, but I don't want him to get a big check all at once.
Susan: That's a very common concern and there's a clean way to handle it. Instead of leaving Michael's share to him outright, we leave it in a trust for his benefit, with a trustee who can distribute for his health, education and support. It protects the money from creditors and from impulsive decisions, and it doesn't single him out if we do the same structure for all three children.
Maria: I like that. It won't feel like we're punishing him.
Frank: Who would be the trustee?
Susan: That's your decision. It could be your daughter, a professional trustee, or a combination.
Frank: Angela is very organized. She'd do it.
Maria: But putting her in charge of her brother's money might hurt their relationship.
Robert: That's a very wise point. Some families name a sibling as trustee with a professional co-trustee, so the sibling isn't the one saying no. Let's think about it and not decide today.
Susan: Agreed. Now, let's talk about what you own. Robert, do you have the balance sheet?
Robert: I do. Let me put it up on the screen.
~ 60 reviewing the balance sheet together
Robert: So, in round numbers. The house at 1407 Ridgeview Court is worth about six hundred and fifty thousand, no mortgage. The joint brokerage account is about one point two million, mostly from the business sale. Frank's IRA is about nine hundred thousand, Maria's is about two hundred and forty. And you have a cabin in Michigan that's worth maybe three hundred thousand.
Susan: And life insurance?
Frank: There's a policy through the old business, I think it's five hundred thousand. I'd have to find it.
Robert: It's a universal life policy, and I have the statement. Maria is the beneficiary.
Susan: Thank you. So the total estate is a little over three and a half million. Under current federal law, that's well below the estate tax exemption, so federal estate tax isn't the main concern for you. The bigger issues are probate, making sure the right beneficiary designations are in place, and the cabin.
Maria: What's the problem with the cabin?
Susan: It's in Michigan, and you live in Illinois. If it's in your personal names, your family would have to go through a second probate in Michigan. If we put it in the trust, we avoid that.
Frank: Huh. I never would've thought of that.
Robert: Can we talk about the IRAs? That's where I see the most risk of a mistake.
Susan: Please.
Robert: Retirement accounts don't pass under the will or the trust. They pass by beneficiary designation. So even a perfect trust doesn't matter if the forms are wrong. I pulled the forms, and Frank, your IRA still lists your brother Paul as the contingent beneficiary.
Frank: Paul? Why would I have done that?
Robert: It was probably from before the kids were born. The account was opened in 1991.
Maria: Paul passed away three years ago.
Robert: I'm sorry. Then that needs to be updated right away. Also, since the SECURE Act, most non-spouse beneficiaries have to empty an inherited IRA within ten years. So the kids would be paying tax on that money in their peak earning years.
Frank: Is there a way around that?
Robert: There are a few ways to soften it. One is Roth conversions now, while you're in a lower bracket, so the kids inherit Roth money instead. Another is to name the grandchildren's education trust or a charity as beneficiaries for part of it. We'll model both.
Susan: And if we want Michael's share of the IRA protected, the beneficiary designation needs to point to his trust, and the trust needs specific language to work with the ten-year rule. I'll draft that carefully.
Maria: This is a lot. Can I ask a basic question? What happens if one of us gets sick and can't make decisions?
~ 240 Maria steps out to take a call from her sister
Maria: I'm so sorry, that was my sister. She's in the hospital in Peoria, nothing serious. Where were we?
Robert: You asked what happens if one of you can't make decisions.
Susan: Right. That's an excellent question and it's honestly more urgent than the will. Each of you needs a durable power of attorney for finances and a health care power of attorney. Without them, your family might need to go to court to get a guardianship.
Frank: We have something from the hospital when Maria had her surgery.
Susan: That's probably a limited form. I'd like to do full documents for both of you. It's not expensive and it's the thing families most often wish they'd done.
Robert: While we're on paperwork, I need to confirm a couple of identifiers for the trust account. Frank, your Social Security number ends in 4417, correct?
Frank: That's right, 4417.
Robert: And Maria, your date of birth is November 3, 1956?
Maria: Yes.
Robert: Thank you. Susan's office will need the full numbers for the trust tax identification, but we'll collect those through the secure upload, not on a call.
Susan: Right. Let's talk about the grandchildren. Maria, you said you want to help with school. Do you want to do that now, while you're alive, or at your death, or both?
Maria: Now, I think. I want to see them use it.
Robert: Then the cleanest tool is probably a 529 plan for each grandchild, funded with annual exclusion gifts. You can each give up to the annual exclusion per grandchild without touching your lifetime exemption, and you can even front-load five years at once into a 529.
Frank: How much is the annual exclusion now?
Robert: It's nineteen thousand per person per recipient this year. So together you could put thirty-eight thousand a year toward each grandchild, if you wanted to.
Frank: That's more than we'd want to do, but it's good to know.
Susan: And for charitable giving, Robert mentioned you support your parish and the food bank. Once you're over seventy and a half, you can give directly from the IRA through a qualified charitable distribution, and it doesn't count as taxable income.
Maria: We give about eight thousand a year to the church.
Robert: Then moving that to a qualified charitable distribution could save you real money in taxes. That's an easy win.
Frank: I like easy wins.
Maria: What about the cabin long term? The kids all love it, but I'm not sure they'll want to share it.
Susan: Shared vacation properties are one of the most common sources of family conflict I see. Some families put the cabin in an LLC with an operating agreement that says who pays for what, how the weeks are scheduled, and how one sibling can buy out another. Others leave it to the kids who want it and equalize with other assets.
Frank: Michael would never pay his share of the property taxes.
Maria: Frank.
Frank: I'm just saying what we're all thinking.
Robert: That's exactly why it's worth deciding now while you can talk to the kids. Would you be open to a family meeting? I'm happy to host it. Sometimes it helps to have a neutral person in the room.
Maria: I think that would help. Angela will have opinions.
Susan: I can join that too if it's useful. Let's get the core documents done first and then talk about the cabin structure.
~ 180 Susan reviews her draft outline
Susan: Let me summarize what I'll draft. New revocable trusts for both of you with a joint structure, separate trusts for each child's share with Angela and a professional co-trustee as an option, new pour-over wills, durable powers of attorney and health care powers of attorney, and a deed to move the house and the Michigan cabin into the trust.
Robert: And on my side, I'll update the beneficiary designations on both IRAs and the life insurance, retitle the brokerage account into the trust once Susan's documents are signed, model the Roth conversions, and set up the 529s for the grandchildren.
Maria: How long does all this take?
Susan: I can have drafts to you in about three weeks. Then we'd meet to review, make changes, and sign. The whole thing, including the retitling, is usually done in two to three months.
Frank: And what do we owe you?
Susan: My office will send a flat-fee engagement letter today. It covers everything I just described.
Robert: Next step, I'll send you both a checklist of what we need, including the old trust, the life insurance policy, and the deed to the cabin. Frank, can you find the deed?
Frank: It's in the safe at home. I'll scan it.
Robert: Perfect. And let's schedule the review meeting with Susan for the week of the twentieth. I'll send a couple of times.
Maria: Thank you, both of you. I feel like we should have done this years ago.
Susan: You're doing it now, and that's what matters.
Frank: And we don't have to decide about the trustee today?
Robert: Not today. Talk it over at dinner, maybe with Angela. Let me know what you decide when we meet next.
`,
});
