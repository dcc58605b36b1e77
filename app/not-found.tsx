import { WayHomePage } from "@/app/_shell/way-home-page";

export default function NotFound() {
  return <WayHomePage title="We couldn't find that page">It may have moved, or it may not be shared with you.</WayHomePage>;
}
