import type { Metadata } from "next";
import { RoleShell } from "@/app/_shell/role-shell";
import { requireSignedInOrEnrolling } from "@/server/auth/current-session";
import { homeFor } from "@/server/policy";
import { getServerCaller } from "@/server/trpc/server-caller";
import { SecondFactorDisable } from "@/components/account/second-factor-disable";
import { RecoveryCodesRenew } from "@/components/account/recovery-codes-renew";
import { SecondFactorSetup } from "@/components/account/second-factor-setup";
import { LocalDate } from "@/components/dates/local-date";
import { Card, Notice, PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Sign-in security" };
export const dynamic = "force-dynamic";

type Search = { "recovery-code-used"?: string };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { session, enrolling } = await requireSignedInOrEnrolling();
  const who = (session ?? enrolling)!;
  const status = await (await getServerCaller()).secondFactor.status();
  const params = await searchParams;

  const content = (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Sign-in security" description="Two-step sign-in asks for a code from your phone after your password." />
      {enrolling ? (
        <Notice tone="info" role="status">
          Your practice asks coaches and admins to use two-step sign-in, to keep clients&apos; reflections safe. Please set it up to
          continue; it takes about a minute.
        </Notice>
      ) : null}
      {params["recovery-code-used"] && status.enabled ? (
        <Notice tone="warn" role="status">
          You signed in with a recovery code, so it won&apos;t work again. You have {status.recoveryCodesLeft} left.
        </Notice>
      ) : null}
      <Card className="space-y-4 p-5">
        {status.enabled ? (
          <>
            <p>
              Two-step sign-in is on{status.enabledAt ? <> since <LocalDate date={status.enabledAt} /></> : null}. You have{" "}
              {status.recoveryCodesLeft} recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"} left.
            </p>
            {status.requiredByPractice ? (
              <p className="text-muted">Your practice requires two-step sign-in for your role, so it stays on.</p>
            ) : (
              <SecondFactorDisable />
            )}
          </>
        ) : (
          <SecondFactorSetup continueTo={homeFor[who.role]} />
        )}
      </Card>
      {status.enabled && session ? (
        <Card className="space-y-3 p-5">
          <h2 className="text-lg font-semibold">Recovery codes</h2>
          <RecoveryCodesRenew />
        </Card>
      ) : null}
    </div>
  );
  if (!session) return <main id="main" className="px-4 py-10">{content}</main>;
  return <RoleShell session={session}>{content}</RoleShell>;
}
