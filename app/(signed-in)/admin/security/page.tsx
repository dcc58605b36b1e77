import type { Metadata } from "next";
import { getServerCaller } from "@/server/trpc/server-caller";
import { SecondFactorRequirement } from "@/components/admin/second-factor-requirement";
import { SecondFactorReset } from "@/components/admin/second-factor-reset";
import { Card, PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Practice security" };

export default async function AdminSecurityPage() {
  const { required } = await (await getServerCaller()).secondFactor.requirement();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Practice security"
        description="Coaches and admins can read what clients choose to share. Two-step sign-in keeps that safe even if a password leaks."
      />
      <Card className="space-y-3 p-5">
        <SecondFactorRequirement required={required} />
        <p className="text-sm text-muted">
          When this is on, anyone in those roles without two-step sign-in is asked to set it up the next time they sign in, and
          can&apos;t turn it off. Clients aren&apos;t affected.
        </p>
      </Card>
      <Card className="space-y-3 p-5">
        <h2 className="text-lg font-semibold">Someone lost their phone</h2>
        <p className="text-sm text-muted">
          If someone has lost both their phone and their recovery codes, you can turn their two-step sign-in off here. They&apos;re
          signed out everywhere and told by email. To change your own, use your security page.
        </p>
        <SecondFactorReset />
      </Card>
    </div>
  );
}
