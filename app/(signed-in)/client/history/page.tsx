import type { Metadata } from "next";
import { ScaleTrends } from "@/components/charts/scale-trends";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My history" };

export default async function ClientHistoryPage() {
  await requireArea("client");
  const series = await (await getServerCaller()).trends.mine();
  return (
    <>
      <PageHeader
        title="My history"
        description="Your answers on scales, over time, from the exercises you've submitted. This page is just for you."
      />
      <ScaleTrends series={series} empty="When you submit an exercise with a scale, your answers will be charted here." />
    </>
  );
}
