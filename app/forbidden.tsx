import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-semibold">This page is for a different role</h1>
      <p className="mt-3 text-muted">
        Your account doesn&apos;t open this part of Hearth. Nothing is wrong with your account: this page simply belongs to
        someone else&apos;s space.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent-strong underline underline-offset-4">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
