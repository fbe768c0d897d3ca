"""Coverage of the identity markers: how peer supporters actually write up a shift.

Each positive case is a plain, diary-style sentence (British spelling, often without a subject)
that must produce a *counted* identity hit of the expected marker id or dimension. Each negative
case is drift writing, upbeat-but-clinical writing or neutral shift talk, where no identity hit
may be counted: mood is not evidence ("a lovely day", "felt happy").

Cases marked xfail are covered by the lexicon but scored wrongly by the matcher's flags (an
affirming negation read as a negation, a past habit whose scope runs into the present); each
reason names the flag. They are strict: a matcher fix turns them into passes to unmark.
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Hit, score_text


def counted_identity(text: str) -> list[Hit]:
    return [h for h in score_text(text).hits if h.counted and h.polarity == "identity"]


def describe(text: str) -> list[tuple[str, str, str]]:
    """Every hit with its flags, for a readable failure message."""
    flags = ("counted", "negated", "attributed", "hypothetical")
    return [
        (h.marker, h.text, ",".join(f for f in flags if getattr(h, f)))
        for h in score_text(text).hits
    ]


POSITIVE: list[tuple[str, str]] = [
    # story
    ("story", "Told him a bit about my own time in hospital and he went quiet, then nodded."),
    ("story", "I mentioned I'd been on a section myself years back."),
    ("story", "Shared a little of how I came off the drink, just enough for her to know I got it."),
    ("story", "I told her I'd been through the same thing with the benefits people."),
    ("story", "Ended up telling him about my first week out of rehab."),
    ("story", "I let her know I've had my own dark patches."),
    ("story", "Said I'd struggled with the same thing when I first got out."),
    ("story", "Opened up a bit about my own anxiety when she asked."),
    ("story", "I talked a bit about my own using and how long it took to trust anyone."),
    ("story", "Used my own story to show him it doesn't have to stay like this."),
    ("story", "I brought in a bit of my own history around self-harm, carefully."),
    ("story", "She asked how I got clean and I told her honestly."),
    ("story", "I explained that I was once in the same ward, in the same bay even."),
    ("story", "I told them about the night I ended up in A&E."),
    ("story", "Found myself sharing about my own mum's drinking, which felt right."),
    ("story", "Gave him a short version of my story, then handed it back to him."),
    ("story", "I was honest that I'd felt exactly like that after my second admission."),
    ("story", "I said I knew that waiting room well."),
    ("story", "Told her how I got through my first Christmas sober."),
    ("story", "I disclosed that I hear voices too, and she relaxed."),
    ("story", "I said I'd lost a flat the same way."),
    ("story", "I offered a bit of my own experience of the crisis team."),
    ("story", "Talked about my own recovery for a minute because it seemed to help."),
    ("story", "I told the group how I ended up homeless at twenty."),
    ("story", "I was able to share what helped me when I was in a similar place."),
    ("story", "I shared that I still have bad days myself."),
    ("story", "Mentioned my own diagnosis in passing and it changed the room."),
    ("story", "I've been there, I said, and I meant it."),
    ("story", "I told him I was a heroin user for ten years."),
    ("story", "I've been in that chair in A&E, waiting all night."),
    ("story", "When I was using I'd have hated anyone telling me what to do."),
    ("story", "I remember feeling exactly that way on my first day on the ward."),
    ("story", "I know how it feels to be talked about like you're not in the room."),
    ("story", "Back when I was drinking I couldn't hear any of it either."),
    ("story", "It took me years to get there myself."),
    ("story", "I recognised a lot of myself in her."),
    ("story", "I could see myself in him ten years ago."),
    ("story", "I've lived through a section, so I knew what the tribunal would feel like."),
    ("story", "My own experience of being restrained came flooding back."),
    ("story", "That was me once, sitting on the end of the bed not wanting to talk."),
    ("story", "I know that fear from my own time on a locked ward."),
    ("story", "It brought back my own first admission."),
    ("story", "When I was in hospital nobody explained anything to me either."),
    ("story", "I went through the same thing with my benefits being stopped."),
    ("story", "I've walked that road myself."),
    ("story", "I was in the same boat a few years ago."),
    ("story", "I still have my own wobbles with it."),
    ("story", "Having been through detox myself, I knew the second day is the worst."),
    ("story", "In my own recovery the thing that helped was someone just turning up."),
    ("story", "I told her I'd lost my flat too, years back, and got it back in the end."),
    ("story", "Shared a bit about my own psychosis, kept it short."),
    ("story", "I said I'd been in that same waiting room more times than I can count."),
    ("story", "I talked to him about how I came off methadone."),
    ("story", "Told the lads in group how I got my kids back."),
    ("story", "I opened up about my own eating disorder when she asked."),
    ("story", "I mentioned I'd relapsed twice before it stuck."),
    ("story", "I told him I know the benefits system from the inside, I've been on it for years."),
    ("story", "I let slip that I'd been in care as a kid, and he looked up."),
    ("story", "I explained how I learnt to live with the voices."),
    ("story", "I remember my own first night on a ward, the noise of it."),
    ("story", "I know what it's like to have your door kicked in."),
    ("story", "It reminded me of myself at nineteen."),
    ("story", "I've been on the receiving end of that look from a receptionist."),
    ("story", "When I first got sober nobody believed I'd stick it."),
    ("story", "As someone who's been sectioned, I knew what the paperwork meant to her."),
    ("story", "My using days taught me how lonely it gets."),
    ("story", "I still hear voices, and telling him that seemed to help."),
    ("story", "I've gone through the same thing with my own family."),
    ("story", "That was me not long ago, shaking in a hostel."),
    ("story", "I told her I'd been sectioned twice myself."),
    ("story", "Mentioned I'm in recovery myself and he visibly relaxed."),
    ("story", "I shared how I got through the first months without a drink."),
    ("story", "When I was in crisis I needed someone just like this."),
    ("story", "I've sat where she's sitting."),
    ("story", "I said I'd felt exactly like that after my divorce."),
    # mutuality
    ("mutuality", "She taught me a trick for grounding that I'm going to use myself."),
    ("mutuality", "I learnt a lot from him today about how the housing system actually works."),
    ("mutuality", "We worked it out together in the end."),
    ("mutuality", "We figured out the bus route between us."),
    ("mutuality", "He showed me how he keeps track of his moods in a notebook."),
    ("mutuality", "Honestly I came away having learned more than she did."),
    (
        "mutuality",
        "She knew far more about the benefits appeal than I did and walked me through it.",
    ),
    ("mutuality", "We puzzled it out together."),
    ("mutuality", "It felt like a proper two-way conversation."),
    ("mutuality", "Neither of us had the answer so we looked it up together."),
    ("mutuality", "We sorted the letter together at the kitchen table."),
    ("mutuality", "She pointed out something I'd never thought about."),
    ("mutuality", "He explained it better than I could have."),
    ("mutuality", "We both learned something from that."),
    ("mutuality", "I picked up a really good idea from her about sleep."),
    ("mutuality", "I got as much out of today as he did."),
    ("mutuality", "We swapped notes on what helps with the panic."),
    ("mutuality", "She put me right about the crisis line hours."),
    ("mutuality", "Ended up learning from him how the food bank referrals work."),
    ("mutuality", "We compared what had worked for each of us."),
    ("mutuality", "He's teaching me to crochet, which was a laugh."),
    ("mutuality", "We're working on the plan together rather than me writing it."),
    ("mutuality", "It was a real back and forth."),
    ("mutuality", "She's got a lot to teach me about patience."),
    ("mutuality", "She taught me more about resilience today than any training has."),
    ("mutuality", "We figured it out between us in the end."),
    ("mutuality", "He had a great tip for getting through the night that I'd never heard."),
    ("mutuality", "She walked me through how the foodbank vouchers work."),
    ("mutuality", "I learnt something from her about letting people be."),
    ("mutuality", "It was more of a back and forth than a session."),
    ("mutuality", "He opened my eyes to how hard the forms are if you can't read well."),
    ("mutuality", "I asked him for his advice on the allotment."),
    ("mutuality", "We googled it together on his phone."),
    ("mutuality", "She knew more than me about the tenancy rules."),
    ("mutuality", "Turned out he knew loads more than me about tenancy law."),
    ("mutuality", "She set me straight on how the food bank works now."),
    ("mutuality", "We worked through the form together at her pace."),
    ("mutuality", "I learnt so much from her today."),
    ("mutuality", "Her plan was better than mine."),
    ("mutuality", "He had a much better plan than mine."),
    ("mutuality", "Learned three new signs from the older members."),
    ("mutuality", "They love teaching me the old songs."),
    ("mutuality", "Calls like ours help me too."),
    ("mutuality", "I think we've both got a friend now."),
    ("mutuality", "Loads of good ideas came out once I shut up."),
    # focus
    ("focus", "She's so resourceful, she had already found three charities that could help."),
    ("focus", "I couldn't stop thinking about how resourceful she was."),
    ("focus", "He knows what works for him better than any of us."),
    ("focus", "I was struck by how thoughtful she is."),
    ("focus", "He's got a real way with the younger lads on the ward."),
    ("focus", "She's a brilliant organiser, she runs the whole family."),
    ("focus", "He's kept himself going through all of it, which takes some doing."),
    ("focus", "She's really good with words, her poems are amazing."),
    ("focus", "She's really clever and knows her rights."),
    ("focus", "I pointed out how far he's come since the spring."),
    ("focus", "We talked about what she's proud of this year."),
    ("focus", "She's managed to keep her tenancy going against the odds."),
    ("focus", "I noticed how caring he is with the other residents."),
    ("focus", "She's a survivor, no question."),
    ("focus", "He's funny and sharp and the others look up to him."),
    ("focus", "She knows herself really well."),
    ("focus", "He's figured out his own ways of coping with the voices."),
    ("focus", "We made a list of things she's good at."),
    ("focus", "She's kept herself afloat all year."),
    ("focus", "He was the one who calmed the room down, he's good like that."),
    ("focus", "She's great with her kids."),
    ("focus", "I reminded him of everything he's already got through."),
    ("focus", "He's got a lot of wisdom about the streets."),
    ("focus", "She handled the council brilliantly."),
    ("focus", "She's so creative, her flat is full of her paintings."),
    ("focus", "He's kept himself going with the allotment all winter."),
    ("focus", "I noticed how thoughtful she is with the others in the group."),
    ("focus", "She's a brilliant mum and the kids adore her."),
    ("focus", "He knows his stuff when it comes to bikes."),
    ("focus", "She's managed to hold down her job through all of this."),
    ("focus", "We talked about what he's proud of."),
    ("focus", "He's a proper grafter, up at six every day."),
    ("focus", "I reminded her of how she got through last winter."),
    ("focus", "That took real courage, going back to the GP."),
    ("focus", "She knows what helps her when the panic starts."),
    ("focus", "He's worked out his own ways of managing the voices."),
    ("focus", "He's a natural with the younger ones."),
    ("focus", "She's got a real gift for making people laugh."),
    ("focus", "I noticed how he kept everyone calm."),
    ("focus", "She's more resilient than she gives herself credit for."),
    # voice
    ("voice", "I spoke up in handover even though my voice was shaking."),
    ("voice", "I said what I thought, which isn't easy for me."),
    ("voice", "I took a risk and said I didn't agree."),
    ("voice", "I trusted my gut and stayed with her instead of going to the meeting."),
    ("voice", "Made the call myself to stay longer."),
    ("voice", "I stuck to my guns when the manager wanted me to do the obs."),
    ("voice", "I told my supervisor straight that it's not peer work."),
    ("voice", "I voiced my concerns at the MDT."),
    ("voice", "I put my view across at the team meeting."),
    ("voice", "I didn't stay quiet this time."),
    ("voice", "I said my piece in supervision."),
    ("voice", "I made a decision on the spot and went with it."),
    ("voice", "I held firm on not doing the breathalyser."),
    ("voice", "I stated my position clearly."),
    ("voice", "I stood my ground about the peer role."),
    ("voice", "I stuck my neck out for her in the review."),
    ("voice", "I said no to doing the observation checks."),
    ("voice", "I voiced my worries about the plan in supervision."),
    ("voice", "I said my bit at the huddle, calmly."),
    ("voice", "I made my point about the room searches at the team meeting."),
    ("voice", "I put my foot down about doing the drug tests."),
    ("voice", "I held firm when the manager pushed again."),
    ("voice", "I got my point across in the end."),
    ("voice", "I explained my reasons clearly to the charge nurse."),
    ("voice", "I told the ward manager straight that I'm not there to police anyone."),
    ("voice", "I stuck my neck out in the meeting."),
    ("voice", "I raised my concern about the restraint in the debrief."),
    ("voice", "I stood my ground when they asked me to do the search."),
    ("voice", "I spoke up even though I was nervous."),
    # self_worth
    ("self_worth", "I felt confident in what I was doing today."),
    ("self_worth", "I'm starting to trust myself in this role."),
    ("self_worth", "I feel like I know what I'm doing in this role now."),
    ("self_worth", "Proud of how I handled the meeting."),
    ("self_worth", "I felt like I belonged in the room for once."),
    ("self_worth", "I held my own with the consultant."),
    ("self_worth", "I knew my lived experience was worth something in that room."),
    ("self_worth", "I felt sure of myself when I said it."),
    ("self_worth", "I feel more settled in the role these days."),
    ("self_worth", "For once I didn't feel like an imposter."),
    ("self_worth", "I'm proud of the work I did with him."),
    ("self_worth", "I felt valued by the team today."),
    ("self_worth", "I felt really secure in my role today."),
    ("self_worth", "I'm feeling more confident in my role."),
    ("self_worth", "I held my own in the MDT today."),
    ("self_worth", "I felt more confident in my role than I have in months."),
    ("self_worth", "I felt steady in myself today, even with the consultant there."),
    ("self_worth", "I belong in this role, I know that now."),
    ("self_worth", "I felt sure of myself when I spoke."),
    ("self_worth", "My lived experience counts, and today it showed."),
    ("self_worth", "I'm proud to be a peer supporter after today."),
    ("self_worth", "I felt grounded in my role today."),
    ("self_worth", "I trusted myself to stay with it."),
    # connection
    ("connection", "Just sat with her in the garden for a while."),
    ("connection", "Mostly just listened."),
    ("connection", "I listened without trying to fix anything."),
    ("connection", "Held the silence and let him find his words."),
    ("connection", "I walked alongside her to the appointment."),
    ("connection", "We sat in the smoking shelter and he talked."),
    ("connection", "Stayed with him until the shaking stopped."),
    ("connection", "I was just there with her."),
    ("connection", "She cried and I stayed with her."),
    ("connection", "We had a good long chat in the lounge."),
    ("connection", "Sat on the bench with him and didn't say much."),
    ("connection", "I let the quiet be there."),
    ("connection", "I let her talk for as long as she needed."),
    ("connection", "Gave him space to say it in his own time."),
    ("connection", "We shared a brew and a laugh."),
    ("connection", "I kept him company while he waited for the bus."),
    ("connection", "I gave her my full attention."),
    ("connection", "Sat quietly beside him on the ward."),
    ("connection", "I just listened and nodded."),
    ("connection", "Let him take his time."),
    ("connection", "I didn't try to fix it, just listened."),
    ("connection", "I was alongside her the whole way through."),
    ("connection", "We went for a walk round the block and talked."),
    ("connection", "I tried to just be with her in it."),
    ("connection", "I stayed with her through the worst of it."),
    ("connection", "We made a real connection today."),
    ("connection", "Let her take her time with it."),
    ("connection", "I gave him space to talk about his brother."),
    ("connection", "We sat out in the garden and watched the birds."),
    ("connection", "Shared a cuppa with her on the bench."),
    ("connection", "I made time for him before the meeting."),
    ("connection", "Took him out for a walk round the park."),
    ("connection", "I listened properly for once."),
    ("connection", "We just sat with it for a bit."),
    ("connection", "He let me in a bit more today."),
    ("connection", "We went for a coffee and he talked about his dad."),
    ("connection", "I let the silence sit for a while."),
    ("connection", "I was there for her when the call came."),
    ("connection", "I gave her my undivided attention."),
    ("connection", "Stood by him in the queue."),
    ("connection", "We sat together in silence for a bit, and it was fine."),
    ("connection", "I checked in with her after the call."),
    ("connection", "I let him vent for a good half hour."),
    ("connection", "We had a proper chat over a brew."),
    # worldview
    ("worldview", "We talked about what it meant to her."),
    ("worldview", "I asked how she makes sense of the voices."),
    ("worldview", "I tried to understand it from where he's standing."),
    ("worldview", "I wondered with her about what the anger was protecting."),
    ("worldview", "I asked him what he thinks is going on."),
    ("worldview", "We talked about how he understands what happened last year."),
    ("worldview", "I asked her what she calls it."),
    ("worldview", "I was curious about what the drinking does for him."),
    ("worldview", "I asked what sense she makes of it all."),
    ("worldview", "She described it in her own way and I went with her words."),
    ("worldview", "I wanted to know how he sees it."),
    ("worldview", "We explored what being unwell has meant in her life."),
    ("worldview", "I asked what the self-harm does for her."),
    ("worldview", "I tried to see the world the way she sees it."),
    ("worldview", "She explained what the voices mean to her."),
    ("worldview", "I asked what it was like for her growing up."),
    ("worldview", "I held my own view lightly and listened to his."),
    ("worldview", "We talked about what recovery means to him."),
    ("worldview", "I don't think \"attention seeking\" is fair, she's reaching out."),
    ("worldview", "I said she's not non-compliant, she just doesn't want the side effects."),
    ("worldview", "Calling her manipulative misses what she's actually asking for."),
    ("worldview", "That label says more about the service than about him."),
    ("worldview.meaning_making", "We talked about what a good life looks like to him."),
    ("worldview", "I asked her what the voices mean to her."),
    ("worldview", "I asked what it's like for him living in the hostel."),
    ("worldview", "I asked him how he makes sense of the last year."),
    ("worldview", "I wondered what the drinking gives him."),
    ("worldview", "I asked what had happened before she came in."),
    ("worldview", "I tried to see it through her eyes."),
    ("worldview", "I can see where he's coming from."),
    ("worldview", "I tried to understand what was going on for him."),
    ("worldview", "I put my own views to one side and listened."),
    ("worldview", "She's reaching out, not attention seeking."),
    ("worldview", "I asked what she makes of it all."),
    ("worldview", "I asked him what he calls them."),
    ("worldview", "We talked about what being a dad means to him."),
    ("worldview", "The label doesn't fit her at all."),
    ("worldview", "He isn't his diagnosis, whatever the notes say."),
    ("worldview", "I asked him what he thinks is going on for him."),
    ("worldview", "We talked about how she understands the voices."),
    ("worldview", "I was curious about what the anger was telling her."),
    # moving_toward
    ("moving_toward", "I asked what she wanted from today."),
    ("moving_toward", "It was her call in the end."),
    ("moving_toward", "Left the decision with him."),
    ("moving_toward", "I backed her choice even though I had doubts."),
    ("moving_toward", "We talked about what she's moving toward."),
    ("moving_toward", "He wants to get back into work by summer."),
    ("moving_toward", "She decided to try the college course."),
    ("moving_toward", "I asked him what he'd like to be different."),
    ("moving_toward", "She set her own goal for the week."),
    ("moving_toward", "He chose to go to the group on his own."),
    ("moving_toward", "She wants to see her kids again and that's what we worked on."),
    ("moving_toward", "It's his life and his choice."),
    ("moving_toward", "I respected her decision not to go to the appointment."),
    ("moving_toward", "We looked at the options together and she picked one."),
    ("moving_toward", "I left it with her to decide."),
    ("moving_toward", "I let him lead the conversation."),
    ("moving_toward", "I asked what he hopes for."),
    ("moving_toward", "We talked about what she's working towards."),
    ("moving_toward", "There's hope there, she can see a way forward."),
    ("moving_toward", "We talked about her dreams for the future."),
    ("moving_toward", "She's in the driving seat now."),
    ("moving_toward", "I went along with what she wanted."),
    ("moving_toward", "I asked what would make next week feel better for her."),
    ("moving_toward", "I asked her what she'd like to get out of our sessions."),
    ("moving_toward", "I asked him what would help most this week."),
    ("moving_toward", "I asked whether he wanted me to come to the appointment."),
    ("moving_toward", "Left the choice with her."),
    ("moving_toward", "I let her set the pace."),
    ("moving_toward", "She set her own targets for the month."),
    ("moving_toward", "I respected his wishes about not calling his mum."),
    ("moving_toward", "She's back in the driving seat with her recovery."),
    ("moving_toward", "He can see a way forward now."),
    ("moving_toward", "I asked what matters most to her right now."),
    ("moving_toward", "We talked about what she's hoping for from the move."),
    ("moving_toward", "I let him decide where we met."),
    ("moving_toward", "I left it up to him."),
    ("moving_toward", "There's a glimmer of hope for her now."),
    ("moving_toward", "I asked her what she wants to happen next."),
    ("moving_toward", "It's her life, her call."),
    ("moving_toward", "She picked the next step herself."),
    ("moving_toward", "I asked if he wanted to try the group."),
    # advocacy
    ("advocacy", "I questioned the plan in the meeting."),
    ("advocacy", "I pushed back on the label in the notes."),
    ("advocacy", "I asked the team not to call him a frequent flyer."),
    ("advocacy", "I went with her to the housing office."),
    ("advocacy", "Helped him say it in his own words at the review."),
    ("advocacy", "I spoke up for him at the ward round."),
    ("advocacy", "I went along to the benefits assessment with her."),
    ("advocacy", "I backed her up in the meeting with the social worker."),
    ("advocacy", "I made sure the doctor heard what she actually wanted."),
    ("advocacy", "I helped her write down what she wanted to say to the psychiatrist."),
    ("advocacy", "Sat in on his tribunal as his supporter."),
    ("advocacy", "I rang the council on her behalf, with her in the room."),
    ("advocacy", "I supported him to ask for a different worker."),
    ("advocacy", "I helped her prepare for the meeting with the consultant."),
    ("advocacy", "I pushed for him to have his say in the care plan."),
    ("advocacy", "I raised it at the team meeting that nobody had asked him."),
    ("advocacy", "I went with him to see the GP about his meds."),
    ("advocacy", "I stood beside her at the reception desk while she asked."),
    ("advocacy", "I challenged the decision to discharge her without asking her."),
    ("advocacy", "I helped him put his complaint in writing."),
    ("advocacy", "Went with her to court for moral support."),
    ("advocacy", "I told the team she has the right to say no."),
    ("advocacy", "I made sure his wishes were written into the plan."),
    ("advocacy", "I went along to her PIP assessment."),
    ("advocacy", "I backed him up when the nurse doubted him."),
    ("advocacy", "I rang the housing officer on his behalf while he sat with me."),
    ("advocacy", "I sat in on her review as her supporter."),
    ("advocacy", "I made sure she was heard at the meeting."),
    ("advocacy", "I got him an advocate for the tribunal."),
    ("advocacy", "He has the right to refuse, I reminded the team."),
    ("advocacy", "I put her in touch with an independent advocate."),
    ("advocacy", "Went with him to see the housing officer."),
    ("advocacy", "I went along with her to the jobcentre."),
    ("advocacy", "I helped her get her say in the care plan."),
    ("advocacy", "I stood next to him at the desk while he asked for his letter."),
    ("advocacy", "I spoke up for her in the CPA review."),
    ("advocacy", "I helped him write his own letter to the council."),
    ("advocacy", "I went with her to the GP so she could ask about coming off."),
    ("advocacy", "I made sure his voice was heard in the meeting."),
    ("advocacy", "Argued against the new policy at the team meeting."),
    ("advocacy", "I found his solicitor and made sure that got said."),
    ("advocacy", "I pointed out he has every reason to be angry."),
    ("advocacy", "I told the team she'd said she wants to go home."),
    ("advocacy", "I asked if Sam could come into the meeting."),
    ("voice", "I wrote to the head of service about it."),
    ("story", "I told her I'd been written about the same way once."),
    ("story", "Told him a bit about how scared I was at first."),
    ("worldview", "I went back and apologised to her for rushing."),
]

MATCHER_BUGS = [
    pytest.param(
        "focus",
        "He used to be a chef and still knows his stuff.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "hypothetical flag: the past habit of 'used to' runs on past 'and "
                "still', which is the present, so 'knows his stuff' is not counted"
            ),
        ),
    ),
    pytest.param(
        "story",
        "I never thought I'd be able to share my story, but today I did.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'never thought I'd' (it happened, to my surprise) is "
                "read as a negation, so 'share my story' flips to story drift"
            ),
        ),
    ),
    pytest.param(
        "story",
        "I never expected to tell my own story in a ward round, but I did.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'never expected to' (it happened) is read as a "
                "negation, so 'tell my own story' flips to story drift"
            ),
        ),
    ),
    pytest.param(
        "mutuality",
        "I'll never forget how she taught me to ground myself.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated and hypothetical flags: 'I'll never forget how' affirms what "
                "follows, yet 'she taught me' is flagged negated and hypothetical"
            ),
        ),
    ),
    pytest.param(
        "mutuality",
        "I can't tell you how much I learnt from her.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'can't tell you how much' is emphasis, not a negation; "
                "'learnt from her' flips to mutuality drift"
            ),
        ),
    ),
    pytest.param(
        "self_worth",
        "I've never felt so confident in a ward round.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'never felt so X' is a comparative affirmation; 'felt "
                "so confident in a ward round' flips to self-doubt"
            ),
        ),
    ),
    pytest.param(
        "connection",
        "I don't think I've ever listened so closely.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'don't think I've ever ... so' is a comparative "
                "affirmation; 'listened so closely' flips to connection drift"
            ),
        ),
    ),
    pytest.param(
        "connection",
        "I couldn't have asked for a better connection with her.",
        marks=pytest.mark.xfail(
            strict=True,
            reason=(
                "negated flag: 'couldn't have asked for a better' is a superlative "
                "affirmation; 'connection with' flips to connection drift"
            ),
        ),
    ),
]

# neutral shift talk and mood
NEUTRAL = [
    "It was a lovely day on the ward.",
    "Felt happy driving home.",
    "I was tired and the shift dragged.",
    "Did my notes and the handover, then went home.",
    "The rota is a mess again this week.",
    "Had a coffee before handover.",
    "I went for a walk at lunch to clear my head.",
    "Sat in the office catching up on emails.",
    "We sat in the team meeting for two hours.",
    "Made time to finish my notes before five.",
    "I explained I'd been on the phone to housing all morning.",
    "I mentioned I was running late because of the trains.",
    "Told her I'd be back on Thursday.",
    "The weather was nice so the garden was busy.",
    "I feel a lot better than last week, slept well.",
    "Good shift, quiet, nobody kicked off.",
    "My manager said I'm doing well.",
    "I was pleased the trains were on time.",
    "Went through the paperwork with the new starter.",
    "I went through the referral form with the nurse.",
    "The new printer finally works.",
    "I spent most of the afternoon on training modules.",
    "Left the keys with the night staff.",
    "I left it with the duty manager.",
    "It took me ages to find the office.",
    "Saw her in the corridor on my way out.",
    "The nurse was in charge of the ward today.",
    "He was in control and restraint training all day.",
    "I got a new idea for the rota from the admin team.",
    "He actually apologised.",
    "The nurse showed me how the new rota works.",
    "The uni wellbeing team rang about a student.",
    "I said I'd been with her all morning.",
]

# drift writing
DRIFT = [
    "I told her she should take her meds and she agreed, which was great.",
    "He was compliant with his medication today, really pleased.",
    "She presented as settled and her affect was brighter.",
    "I reminded him to take his tablets and checked he did.",
    "I did the room search with the nurse as asked.",
    "Spent the shift doing obs and filling in risk forms.",
    "I told him if I were you I would go to the group.",
    "I didn't share my story, it felt too risky.",
    "I kept quiet in the ward round again.",
    "I felt like a fraud in the meeting.",
    "I felt out of my depth and didn't say anything.",
    "She's non-compliant and lacks insight, so I reported it to the team.",
    "I explained to him why he needs to stay on the ward.",
    "I made sure he took his meds before I left.",
    "He refused his medication again so I told the nurse.",
    "I told him what he needs to do to get discharged.",
    "The team decided on his behalf and I went along with it.",
    "I taught her the correct way to fill in the mood diary.",
    "I let the team decide for her.",
]

# cheerful, but clinical or co-opted
UPBEAT_CLINICAL = [
    (
        "Brilliant shift! Got all my obs done on time and the nurses said I'm basically one of "
        "the team now."
    ),
    (
        "Really pleased with today. He finally took his depot without a fuss and I made sure it "
        "went in the notes."
    ),
    (
        "Great news, she's decided to stay on the clozapine. I reminded her how well she's done "
        "since starting it."
    ),
    (
        "Loving the new role. I'm getting so much better at the risk assessments and the manager "
        "says my notes are the best on the ward."
    ),
    (
        "What a good day. I helped the team persuade him to accept the admission and he went "
        "quietly in the end."
    ),
    (
        "He's been so compliant this week, it's really paid off. His symptoms are well managed "
        "and he's looking forward to discharge."
    ),
    (
        "I feel much more confident doing the breathalysers now, and I know what I'm doing with "
        "the drug screens."
    ),
    "Fantastic! She was bright in affect, settled on the ward and engaging well with the plan.",
    "Felt really valued today, the consultant asked me to keep an eye on his meds and report back.",
    (
        "She's come such a long way since the section, she's taking her meds every day and doing "
        "everything the team asks."
    ),
    "There's real hope now that he's engaging with treatment, the team is thrilled.",
    "Good shift, I got him to agree to the blood tests and he was very pleasant about it.",
    "Lovely day. I escorted her to the depot clinic and she was so brave about the injection.",
    "I told him he's doing really well and should keep taking the tablets, he seemed hopeful.",
    "Had a great chat with the nurse about his diagnosis and we agreed he's insightful now.",
    "He's decided to accept the depot, which is a massive relief for everyone.",
    "I let them decide what to do about his leave and went with the team's plan, easy.",
    "The team have found a way forward with his meds and I'm chuffed.",
    "He was very determined to get discharged so I told him to comply with everything.",
]


@pytest.mark.parametrize(("expected", "text"), POSITIVE + MATCHER_BUGS)
def test_identity_writing_is_counted(expected: str, text: str) -> None:
    found = counted_identity(text)
    assert any(expected in (h.marker, h.dimension) for h in found), describe(text)


@pytest.mark.parametrize("text", NEUTRAL + DRIFT + UPBEAT_CLINICAL)
def test_no_identity_is_counted(text: str) -> None:
    assert not counted_identity(text), describe(text)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't rush her or tell her what she should do.",
        "I didn't try to fix it or give advice.",
        "I objected to monitoring his meds.",
        "I challenged the ward round about calling him non-compliant.",
        "It's not peer work to check his meds.",
        "I held the silence rather than giving advice.",
    ],
)
def test_a_negator_still_reaches_the_drift_phrase_after_it(text: str) -> None:
    """No identity phrase holds a negator word (didn't, refused, objected, challenged, not,
    instead of): a negator inside a hit is part of that phrase, so it would no longer negate
    the drift phrase after it ("I refused to reduce him to his diagnosis")."""
    drift = [h for h in score_text(text).hits if h.polarity == "drift" and h.counted]
    assert not drift, describe(text)


def test_there_are_enough_cases() -> None:
    assert len(POSITIVE) >= 180
    assert len(NEUTRAL + DRIFT + UPBEAT_CLINICAL) >= 40
    assert {e.split(".")[0] for e, _ in POSITIVE} == {
        "story",
        "mutuality",
        "focus",
        "voice",
        "self_worth",
        "connection",
        "worldview",
        "moving_toward",
        "advocacy",
    }
