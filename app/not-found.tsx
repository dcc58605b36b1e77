import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="mt-3 text-muted">It may have moved, or it may not be shared with you.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent-strong underline underline-offset-4">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
