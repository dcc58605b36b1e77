import "server-only";
import mjml2html from "mjml";
import { appLink } from "../../account/tokens";

/**
 * One notification email, as words: both parts are built from it, so the HTML and the plain text always say
 * the same. Values are plain text (names, titles): they are escaped here, never taken as markup.
 */
export type EmailContent = {
  subject: string;
  /** The line mail clients show after the subject. */
  preview: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why this email came, and how to have fewer (the preferences page). */
  footer: string;
};

/** Every notification says where to choose which emails come (and each carries a one-click unsubscribe header). */
const CHOICES = "You can choose which emails you get, or turn these off, on your account page:";
const choicesLink = () => appLink("/account");

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function plainText(content: EmailContent): string {
  const lines = [content.greeting, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, "");
  lines.push("Warmly,", "Hearth", "", "--", content.footer, `${CHOICES} ${choicesLink()}`);
  return lines.join("\n");
}

function markup(content: EmailContent): string {
  const text = (value: string) => `<mj-text>${escapeHtml(value)}</mj-text>`;
  return `<mjml lang="en">
  <mj-head>
    <mj-title>${escapeHtml(content.subject)}</mj-title>
    <mj-preview>${escapeHtml(content.preview)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2933" />
      <mj-button background-color="#7a3e12" color="#ffffff" font-size="16px" border-radius="6px" align="left" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#faf7f2">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        ${text(content.greeting)}
        ${content.paragraphs.map(text).join("\n        ")}
        ${content.action ? `<mj-button href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</mj-button>` : ""}
        ${text("Warmly,")}
        ${text("Hearth")}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column>
        <mj-text font-size="13px" color="#52606d">${escapeHtml(content.footer)}</mj-text>
        <mj-text font-size="13px" color="#52606d">${escapeHtml(CHOICES)} <a href="${escapeHtml(choicesLink())}" style="color: #7a3e12">${escapeHtml(choicesLink())}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** The email's HTML (MJML, so it holds up in mail clients) and its plain-text part. */
export async function renderEmail(content: EmailContent): Promise<RenderedEmail> {
  const result = await mjml2html(markup(content), { validationLevel: "strict" });
  return { subject: content.subject, text: plainText(content), html: result.html };
}
