import { useId, useState, type FormEvent } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { checkCommand, COMMAND_MAX_CHARS } from './command.ts';

export interface CommandFormProps {
  onRequest: (command: string) => void;
}

/** A one-line form for a client command, checked against the KV grammar before it is sent. */
export function CommandForm({ onRequest }: CommandFormProps) {
  const t = useLabT();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const check = checkCommand(text, t);
    if (!check.ok) {
      setError(check.error);
      return;
    }
    setError(null);
    setText('');
    onRequest(check.command);
  };
  return (
    <form className="rl-command-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-cmd`} className="rl-label">
        {t('command.label')}
      </label>
      <div className="rl-command-row">
        <input
          id={`${id}-cmd`}
          className="rl-input"
          type="text"
          value={text}
          placeholder={t('tip.commandExample')}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={COMMAND_MAX_CHARS}
          aria-invalid={error !== null}
          aria-describedby={`${id}-help${error === null ? '' : ` ${id}-err`}`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="rl-button rl-button-primary">
          {t('command.send')}
        </button>
      </div>
      <p id={`${id}-help`} className="rl-help">
        {t('tip.commandSyntax')}
      </p>
      {error === null ? null : (
        <p id={`${id}-err`} className="rl-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
