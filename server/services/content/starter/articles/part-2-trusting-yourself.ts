import "server-only";
import { STARTER_SERIES, type StarterArticle } from "../types";

export const trustingYourself: StarterArticle = {
  key: "trusting-yourself",
  title: "Becoming Someone You Can Count On",
  series: STARTER_SERIES,
  part: 2,
  summary:
    "Feeling secure also means trusting yourself: listening to your feelings, keeping small promises to yourself, and staying connected to your own needs while caring about other people’s.",
  tags: ["self-trust", "feelings", "needs"],
  body: `In Part 1 we looked at how trust in other people grows, slowly and through small moments. This part is about a quieter kind of trust: the kind you have in yourself.

Self-trust is the sense that you can rely on your own judgement, look after your own needs, and stay steady even when other people are unsure of you. It doesn’t replace closeness with others. It makes closeness feel less frightening, because you know you will still be there for yourself, whatever happens.

## What self-trust is, and what it isn’t

Self-trust is sometimes confused with never needing anyone, or with always being sure you are right. It is neither of those. People who trust themselves still ask for advice, still doubt, and still get things wrong.

What they have is a kind of inner loyalty. When a mistake happens, they don’t abandon themselves with harsh words. When a feeling shows up, they take it seriously enough to listen. When they make a plan, they give themselves a fair chance to follow through. Self-trust is less about confidence and more about being on your own side.

## Listening in: feelings as information

Feelings are not instructions, but they do carry information. Irritation can point to a boundary that has been crossed. Sadness can point to something that matters and has been lost. Anxiety often points to something you care about that feels uncertain.

Many of us learned to push feelings away, either because they were not welcome at home or because they seemed too much to handle. The result is that we can lose touch with what we actually need. Listening in is a skill, and like any skill it can be relearned.

A simple way to begin is to pause a few times a day and ask: *What am I feeling right now? Where do I feel it in my body? What might it be asking for?* You don’t have to act on the answer straight away. Just noticing it is a form of respect.

## Keeping small promises to yourself

Trust in another person grows when they keep their word. The same is true of the trust you have in yourself. Each time you make a small promise to yourself and keep it, you gather evidence that you can be relied on.

The key word is *small*. Big resolutions often end in disappointment, which only confirms the old story that you can’t count on yourself. Small promises are easier to keep and just as meaningful:

- Drinking a glass of water when you first wake up.
- Going to bed ten minutes earlier on two nights this week.
- Stepping outside for five minutes at lunchtime.
- Saying “let me think about it” instead of an automatic yes.
- Writing down one thing that went well at the end of each day.

If you miss a day, that is part of it too. What matters most is how you speak to yourself afterwards. Try treating a slip the way you would treat a friend’s: with understanding, and an invitation to try again.

## When your needs meet someone else’s

Relationships constantly ask us to balance what we need with what others need. People who lack self-trust often lean too far one way: they either give in to keep the peace, or dig in because they fear disappearing if they bend.

Self-trust makes a middle way possible. When you know your own needs and believe they count, you can listen to someone else’s without feeling threatened. You can say “this matters to me” and also “tell me what matters to you.” Disagreements become problems to solve together rather than tests you might fail.

This doesn’t happen overnight. Each time you notice a need, name it, and let it sit alongside someone else’s, you strengthen both kinds of trust at once.

## Questions to sit with

Take these slowly. You might come back to them more than once.

- When did I last ignore a feeling that turned out to be important?
- What is one small promise I could keep to myself this week?
- How do I usually speak to myself after a mistake, and how would I speak to a friend?
- In which relationships do I find it easiest to say what I need?

In Part 3, we look at what happens when we don’t feel secure, and the protective moves many of us make under stress.`,
};
