import "server-only";
import { STARTER_SERIES, type StarterArticle } from "../types";

export const movesUnderStress: StarterArticle = {
  key: "moves-under-stress",
  title: "The Moves We Make When We Feel Unsafe",
  series: STARTER_SERIES,
  part: 3,
  summary:
    "Under stress, most of us fall back on familiar ways of protecting ourselves: holding on tighter, pulling away, puffing up or pushing back. Here is how to recognise them kindly, and what helps.",
  tags: ["stress", "attachment", "relationships", "self-compassion"],
  body: `Even with good people around us and a growing trust in ourselves, there will be moments when we feel unsafe in a relationship. A message goes unanswered. A tone of voice seems cold. Someone we rely on seems to be slipping away.

In those moments, most of us reach for a familiar way of protecting ourselves. These moves are not flaws. They are strategies that once helped, often learned very early, and they kick in fast. Getting to know your own moves, with curiosity rather than blame, is one of the most useful things you can do for your relationships.

## Why we reach for protection

Feeling connected is not a luxury for humans; it is close to a survival need. When a bond seems under threat, the body treats it as an emergency. Heart rate rises, thinking narrows, and we reach for whatever has made us feel safer before.

Here are four common moves. Most people recognise more than one, and which one shows up can depend on the relationship and the day.

## Holding on tighter

When closeness feels uncertain, one instinct is to close the gap. We might send several messages in a row, ask for reassurance again and again, or find it hard to think about anything else until we know things are all right.

This move makes a lot of sense: it is an attempt to get back to safety. But it can leave us exhausted, and sometimes it pushes away the very person we want near. Underneath it there is often a fear of being left, and a need to know that we matter.

## Pulling away

The opposite instinct is to step back before we can be hurt. We go quiet, get busy, change the subject, or tell ourselves we never needed the other person much anyway.

Pulling away can feel like strength and independence. It does protect us from disappointment for a while. The cost is that other people find it hard to reach us, and we stay alone with feelings that might be easier to carry with company. Underneath, there is often a fear of depending on someone and being let down.

## Puffing up

Sometimes, when we feel small, we make ourselves bigger. We might get louder, act more certain than we are, take charge of everything, or quietly look down on others so that we don’t feel looked down on.

Like an animal making itself look larger to a threat, this move is about not being hurt. It can win an argument, but it rarely wins closeness. Underneath it there is often a fear of not being good enough, and a need to be respected.

## Pushing back

The fourth move shows up when we feel controlled. If someone tells us what to do, or seems to limit our choices, we may dig in our heels and do the opposite, even when the opposite doesn’t serve us.

Wanting a say in our own lives is healthy. But when pushing back becomes automatic, we can end up fighting the people who are on our side, or making choices that hurt us just to prove we are free. Underneath, there is often a need to feel in charge of our own life.

## What helps

Knowing your moves doesn’t make them disappear, and that is not the goal. The goal is to have a little more choice in the moment. These steps can help:

- **Name it.** Silently saying “I’m holding on tighter” or “I’m pulling away” creates a small pause.
- **Settle your body first.** Slow breathing, a short walk or a glass of water can bring the alarm down enough to think.
- **Look for the need underneath.** Ask yourself what you are afraid of losing, and what would help you feel safe.
- **Say the need, not the move.** “I’m feeling unsure, can we talk tonight?” usually goes further than ten messages or none at all.
- **Be kind about it afterwards.** Every time you notice a move, you are learning. Shame only makes the next alarm louder.

## Questions to sit with

- Which of the four moves feels most familiar to me, and when did I first learn it?
- What does that move protect me from?
- What do I usually need, underneath it, when I feel unsafe with someone?
- Who could I tell about my moves, so they can understand me better?

Feeling secure is not about never feeling shaken. It is about finding your way back, to the people who care about you and to yourself, a little more easily each time.`,
};
