import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import type { ApiTokenInfo, User } from "@rapport/shared/schemas";
import { useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { formatDate } from "../ui/format.ts";
import { useLoad } from "../ui/use-load.ts";
import { TokenForm } from "./token-form.tsx";

const useTokensStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  scroll: { overflowX: "auto" },
});

export type TokensSectionProps = { session: AdminSession; user: User; language: Language; onChange: () => void };

/** One user's tokens: when each was made and last used, revoke one, or issue a new one. */
export function TokensSection({ session, user, language, onChange }: TokensSectionProps) {
  const styles = useTokensStyles();
  const text = adminText(language);
  const [error, setError] = useState<unknown>(null);
  const list = useLoad(() => session.client.tokens.list({ query: { userId: user.id } }));
  const changed = () => {
    list.reload();
    onChange();
  };
  const revoke = async (token: ApiTokenInfo) => {
    setError(null);
    try {
      await session.client.tokens.revoke({ params: { id: token.id } });
      changed();
    } catch (failure) {
      setError(failure);
    }
  };
  const now = new Date().toISOString();
  const stateOf = (token: ApiTokenInfo) =>
    token.revokedAt ? text.revoked : token.expiresAt && token.expiresAt <= now ? text.expired : text.active;

  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        {text.tokensOf(user.name)}
      </Text>
      {list.loading && !list.data && <Spinner label={text.loading} />}
      {list.error !== null && <ProblemBar error={list.error} language={language} onRetry={list.reload} />}
      {error !== null && <ProblemBar error={error} language={language} />}
      {list.data && list.data.items.length === 0 && <Text>{text.noTokens}</Text>}
      {list.data && list.data.items.length > 0 && (
        <div className={styles.scroll}>
          <Table aria-label={text.tokensOf(user.name)} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.tokenName}</TableHeaderCell>
                <TableHeaderCell>{text.scopes}</TableHeaderCell>
                <TableHeaderCell>{text.created}</TableHeaderCell>
                <TableHeaderCell>{text.lastUsed}</TableHeaderCell>
                <TableHeaderCell>{text.expires}</TableHeaderCell>
                <TableHeaderCell>{text.state}</TableHeaderCell>
                <TableHeaderCell>{text.revoke}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((token) => (
                <TableRow key={token.id}>
                  <TableCell>{token.name}</TableCell>
                  <TableCell>{token.scopes.map((scope) => text.scopeNames[scope]).join(", ")}</TableCell>
                  <TableCell>{formatDate(token.createdAt, language, text.never)}</TableCell>
                  <TableCell>{formatDate(token.lastUsedAt, language, text.never)}</TableCell>
                  <TableCell>{formatDate(token.expiresAt, language, text.never)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={stateOf(token) === text.active ? "success" : "subtle"}>
                      {stateOf(token)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {!token.revokedAt && (
                      <RevokeButton
                        label={text.revoke}
                        cancel={text.cancel}
                        question={text.revokeConfirm(token.name)}
                        onConfirm={() => revoke(token)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <TokenForm session={session} user={user} language={language} onCreated={changed} />
    </Card>
  );
}

/** Revoking cannot be undone, so it asks first, in a dialog that keeps the keyboard inside it. */
function RevokeButton(props: { label: string; cancel: string; question: string; onConfirm: () => Promise<void> }) {
  const { label, cancel, question, onConfirm } = props;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{label}</DialogTitle>
          <DialogContent>{question}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={() => void onConfirm()}>
                {label}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>{cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
