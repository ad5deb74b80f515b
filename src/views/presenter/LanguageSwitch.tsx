/** EN / ES / PT: the captions' and the presenter's language, kept in the address (`lang=`). */
import { LANGUAGES, loadLanguage } from '../../i18n/index.ts';
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';

export function LanguageSwitch() {
  const shell = usePresenterStore();
  const lang = usePresenter((s) => s.lang);
  const t = useT();
  return (
    <div className="rl-lang" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="rl-button rl-lang-button"
          aria-pressed={code === lang}
          title={t(`lang.${code}`)}
          onClick={(e) => {
            e.stopPropagation();
            // Its strings first (fetched once), then the switch; English if they cannot come.
            const choose = () => shell.getState().setLang(code);
            void loadLanguage(code).then(choose, choose);
          }}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
