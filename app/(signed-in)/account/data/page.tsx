import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Your data" };

export default async function AccountDataPage() {
  await requireArea("client");
  return (
    <>
      <PageHeader title="Your data" description="Everything you write here is yours. Take a copy whenever you like, or delete your account." />
      <div className="space-y-8">
        <Card>
          <h2 className="text-lg font-semibold">Take a copy</h2>
          <p className="mt-1 text-sm text-muted">
            Your profile, every exercise you were given with its article and questions, all your answers (shared and private), comment threads,
            when you shared or stopped sharing, who viewed what you shared, and the emails we sent you (without their links).
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            {/* A POST: each export is recorded, and a change must come from this page. */}
            <form method="post" action="/account/data/export.json">
              <Button type="submit">Download (JSON)</Button>
            </form>
            <LinkButton href="/account/data/print" variant="secondary">
              Open a printable page
            </LinkButton>
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Delete your account</h2>
          <DeleteAccountForm />
        </Card>
      </div>
    </>
  );
}
