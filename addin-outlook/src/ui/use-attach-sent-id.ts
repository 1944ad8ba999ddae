import type { LoggedMail } from "@rapport/shared/schemas";
import { useEffect, useRef, useState } from "react";
import { attachSentId, loggedUnderRealId } from "../api/attach-sent-id.ts";
import type { ItemMark } from "../domain/item-mark.ts";
import type { MailItem } from "../domain/outlook-item.ts";
import { writeItemProperty } from "../office/item-property.ts";
import { usePane } from "./pane-context.ts";

/**
 * A mail logged as it was sent, opened where Outlook shows its real internetMessageId (Sent
 * Items): that id, and the conversation's, go onto the activity once, and the item's mark says
 * so, so from then on the mail is looked up by its real id. When the lookup by the pane's key
 * finds nothing although the mark says "logged", another device may have done it already: the
 * mark is brought up to date instead. A failure is tried again on the next open.
 */
export function useAttachSentId(
  mail: MailItem,
  mark: ItemMark | null,
  /** The lookup's answer for the mail's key; undefined until it came. */
  logged: LoggedMail | null | undefined,
  setMark: (mark: ItemMark) => void,
) {
  const { client } = usePane();
  // Only a mark that said "logged" when the mail was opened can mean another device attached the
  // id; one the pane just wrote after logging here means the log is on its way to the lookup.
  const openedLogged = useRef(mark?.kind === "send" && mark.state === "logged");
  const tried = useRef({ attach: false, heal: false });
  const [checked, setChecked] = useState(false);
  const real = mail.internetMessageId;
  const pending = mark?.kind === "send" && !mark.attached && Boolean(real) && real !== mark.key;
  const unsure = pending && logged === null && openedLogged.current;

  useEffect(() => {
    if (!pending || !real || mark?.kind !== "send" || logged === undefined) return;
    const way = logged ? "attach" : unsure ? "heal" : null;
    if (!way || tried.current[way]) return;
    tried.current[way] = true;
    const attach = logged
      ? attachSentId(client, logged.activity.id, {
          key: mark.key,
          internetMessageId: real,
          conversationId: mail.conversationId,
        })
      : loggedUnderRealId(client, real);
    void attach
      .then(async (done) => {
        if (!done) return;
        const next: ItemMark = {
          ...mark,
          state: "logged",
          attached: true,
          activityId: logged?.activity.id ?? mark.activityId,
          at: mark.at ?? logged?.activity.createdAt ?? null,
        };
        await writeItemProperty(next);
        setMark(next);
      })
      .catch(() => undefined)
      .finally(() => setChecked(true));
  });

  /** True while it is not known whether the mail is logged under its real id: "Log" waits meanwhile. */
  return { checking: unsure && !checked };
}
