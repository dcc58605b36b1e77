import "server-only";
import { STARTER_SERIES, type StarterArticle } from "../types";

export const lettingOthersIn: StarterArticle = {
  key: "letting-others-in",
  title: "Letting Others In",
  series: STARTER_SERIES,
  part: 1,
  summary:
    "Why leaning on other people can feel risky, how trust grows through small moments, and gentle ways to practise letting someone be there for you.",
  tags: ["relationships", "trust", "connection"],
  body: `Most of us know what it is like to want someone close and, at the same time, to brace ourselves in case they let us down. If that rings true for you, nothing is wrong with you. It is one of the most human tensions there is.

This short series is about feeling secure: with the people around you, and within yourself. In this first part, we look at what it takes to lean on someone, and why it can be harder than it sounds.

## Why closeness can feel risky

When we let someone matter to us, we also give them the power to hurt us. Somewhere along the way, most people have had that power used carelessly: a friend who drifted off when things got hard, a parent who was busy or unwell, a partner who broke a promise. Our minds are good at learning from pain, so they start to warn us: *be careful, don’t need anyone too much.*

Those warnings were often sensible at the time. The trouble is that they can stay switched on long after the danger has passed. Then even kind, steady people get held at arm’s length, and we miss out on the very support that could help us feel safer.

It can help to remember that wanting closeness and fearing it are not opposites. They usually travel together. Noticing both, without scolding yourself for either, is already a step.

## How trust grows, a little at a time

Trust is rarely a single leap. It builds slowly, through ordinary moments in which someone shows up the way they said they would. They remember what you told them last week. They don’t make fun of you when you get something wrong. They stay in the room when you are upset.

Each of these moments is small. Together they teach your body, not only your thinking mind, that this person is reliable. Over time you may find you can say a bit more, ask for a bit more, and relax a bit more in their company.

It also works the other way. Trust can take a knock when someone is careless with it, and that doesn’t mean the relationship is over. Many relationships grow stronger after a rupture that is noticed, talked about and repaired. Repair is often where the deepest trust is built.

## Signs of a relationship you can lean on

No one gets this right all the time, and that is fine. Still, some things tend to show up in relationships that feel safe:

- You can say how you feel without having to manage their reaction.
- They keep most of their promises, and own it when they don’t.
- Disagreements are uncomfortable, but they don’t put the whole relationship in doubt.
- You can ask for help without being made to feel like a burden.
- You feel more like yourself after time together, not less.

If few of these fit the people in your life right now, please go gently with yourself. Safe connections can be found and built at any age, and a coach or therapist can be one of the first places to practise.

## Small ways to practise leaning in

You don’t have to share your deepest fears to start. Small, low-stakes steps are often the most useful, because they give trust a chance to grow without overwhelming you.

- Share one honest feeling with someone you already feel fairly safe with.
- Ask for a small, specific favour, and notice what happens.
- Let someone help you without immediately paying them back.
- Tell someone when they got it right: “That really helped.”
- Stay a little longer in a conversation you would normally end early.

Afterwards, take a moment to notice how it went. Did the feared reaction come? Did something surprise you? These observations are worth more than any amount of reasoning about whether people can be trusted.

## Questions to sit with

You might like to keep these questions in mind over the coming week. There is no need to answer them all, or to answer them quickly.

- Who in my life feels easiest to be honest with, and what do they do that helps?
- When I think about asking for support, what do I fear might happen?
- Where did I first learn that needing people could be risky?
- What is one small way I could let someone in a little more?

In Part 2, we turn towards the other half of feeling secure: learning to trust yourself.`,
};
