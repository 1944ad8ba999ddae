import { useEffect, useState } from "react";

const QUERY = "(prefers-color-scheme: dark)";

/** Follows the browser's light or dark preference, live. */
export function useDarkPreference(): boolean {
  const [dark, setDark] = useState(() => matchMedia(QUERY).matches);
  useEffect(() => {
    const media = matchMedia(QUERY);
    const update = () => setDark(media.matches);
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return dark;
}
