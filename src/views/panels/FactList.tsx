/** A label/value pair shown by the inspectors, with the rule behind it. */
export interface Fact {
  label: string;
  value: string;
  /** Shown as the tooltip. */
  rule: string;
}

/** A definition list of facts; each row's tooltip cites its rule. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="rl-facts">
      {facts.map((f) => (
        <div key={f.label} className="rl-fact" title={f.rule}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
