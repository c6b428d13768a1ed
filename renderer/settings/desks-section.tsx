import { useCallback, useState } from 'react';
import type { Desk } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { DeskNameForm } from './desk-name-form.js';
import { ProblemNotice, SavedNotice } from './saved-notice.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { useList } from './use-list.js';

const t = text.settings.desks;
const renameId = (deskId: number) => `desk-${deskId}-rename`;

/** The desks: adding, renaming, and taking one out of use (refused by the core while it is open). */
export function DesksSection() {
  const api = useApi();
  const { items: desks, problem, setProblem, reload } = useList(useCallback(() => api.listDesks({}), [api]));
  const [renaming, setRenaming] = useState<Desk | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function stopRenaming(desk: Desk) {
    setRenaming(null);
    focusLater(renameId(desk.id));
  }

  async function setActive(desk: Desk, active: boolean) {
    setStatus(null);
    try {
      const saved = await api.updateDesk({ deskId: desk.id, active });
      setProblem(null);
      setStatus(active ? t.reactivated(saved.name) : t.deactivated(saved.name));
    } catch (error) {
      setProblem(fromFailure(error).summary);
      focusLater('desks-problem');
    }
    await reload();
  }

  return (
    <>
      <SavedNotice message={status} />
      <ProblemNotice id="desks-problem" message={problem} />
      {desks === null ? (
        <p className="hint">{text.loading}</p>
      ) : desks.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table settings-table settings-table--narrow">
          <caption className="table__caption">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {desks.map((desk) => (
              <tr key={desk.id} className={desk.active ? undefined : 'settings-table__inactive'}>
                <th scope="row">{desk.name}</th>
                <td>{desk.active ? text.settings.active : text.settings.inactive}</td>
                <td>
                  <div className="settings-table__actions">
                    <button
                      type="button"
                      id={renameId(desk.id)}
                      className="button button--small button--secondary"
                      aria-label={t.renameLabel(desk.name)}
                      onClick={() => {
                        setStatus(null);
                        setRenaming(desk);
                      }}
                    >
                      {t.rename}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={desk.active ? t.deactivateLabel(desk.name) : t.reactivateLabel(desk.name)}
                      onClick={() => void setActive(desk, !desk.active)}
                    >
                      {desk.active ? text.settings.deactivate : text.settings.reactivate}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {renaming !== null && (
        <DeskNameForm
          key={renaming.id}
          form="rename-desk"
          heading={t.renameHeading(renaming.name)}
          label={t.newName}
          submitLabel={text.settings.save}
          busyLabel={text.settings.saving}
          initial={renaming.name}
          onName={async (name) => {
            const saved = await api.updateDesk({ deskId: renaming.id, name });
            setStatus(t.renamed(saved.name));
            stopRenaming(saved);
            await reload();
          }}
          onCancel={() => stopRenaming(renaming)}
        />
      )}
      <DeskNameForm
        form="add-desk"
        heading={t.addHeading}
        label={t.name}
        submitLabel={t.add}
        busyLabel={t.adding}
        onName={async (name) => {
          const desk = await api.createDesk({ name });
          setStatus(t.added(desk.name));
          await reload();
        }}
      />
    </>
  );
}
