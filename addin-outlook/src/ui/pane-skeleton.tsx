import { makeStyles, Skeleton, SkeletonItem } from "@fluentui/react-components";
import { usePaneStyles } from "./styles.ts";

const useSkeletonStyles = makeStyles({ name: { width: "60%" }, line: { width: "80%" } });

/** The shape of the people cards while the lookup is on its way, so nothing jumps when they arrive. */
export function PaneSkeleton({ cards = 2 }: { cards?: number }) {
  const styles = usePaneStyles();
  const own = useSkeletonStyles();
  return (
    <Skeleton aria-busy="true" data-testid="pane-skeleton" className={styles.section}>
      {Array.from({ length: cards }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to be told apart by
        <div key={i} className={styles.card}>
          <SkeletonItem size={16} className={own.name} />
          <SkeletonItem size={12} />
          <SkeletonItem size={12} className={own.line} />
        </div>
      ))}
    </Skeleton>
  );
}
