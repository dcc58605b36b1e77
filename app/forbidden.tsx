import { WayHomePage } from "@/app/_shell/way-home-page";

export default function Forbidden() {
  return (
    <WayHomePage title="This page is for a different role">
      Your account doesn&apos;t open this part of Hearth. Nothing is wrong with your account: this page simply belongs to
      someone else&apos;s space.
    </WayHomePage>
  );
}
