import { useCallback, useState } from 'react';
import type { Service } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { AddServiceForm } from './add-service-form.js';
import { EditServiceForm } from './edit-service-form.js';
import { ProblemNotice, SavedNotice } from './saved-notice.js';
import { ServicesTable, serviceEditId } from './services-table.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { useList } from './use-list.js';

const t = text.settings.services;

/** The services table, a form to change one row, deactivating and reactivating, and adding one. */
export function ServicesSection() {
  const api = useApi();
  const { items: services, problem, setProblem, reload } = useList(useCallback(() => api.listServices({}), [api]));
  const [editing, setEditing] = useState<Service | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  function stopEditing(service: Service) {
    setEditing(null);
    focusLater(serviceEditId(service.id));
  }

  async function setActive(service: Service, active: boolean) {
    setStatus(null);
    try {
      const saved = await api.updateService({ serviceId: service.id, active });
      setProblem(null);
      setStatus(active ? t.reactivated(saved.name) : t.deactivated(saved.name));
    } catch (error) {
      setProblem(fromFailure(error).summary);
      focusLater('services-problem');
    }
    await reload();
  }

  return (
    <>
      <SavedNotice message={status} />
      <ProblemNotice id="services-problem" message={problem} />
      {services === null ? (
        <p className="hint">{text.loading}</p>
      ) : (
        <ServicesTable
          services={services}
          onEdit={(service) => {
            setStatus(null);
            setEditing(service);
          }}
          onSetActive={(service, active) => void setActive(service, active)}
        />
      )}
      {editing !== null && (
        <EditServiceForm
          key={editing.id}
          service={editing}
          onSaved={(saved) => {
            setStatus(t.saved(`${saved.letter} ${saved.name}`));
            stopEditing(saved);
            void reload();
          }}
          onCancel={() => stopEditing(editing)}
        />
      )}
      <AddServiceForm
        onAdded={(service) => {
          setStatus(t.added(`${service.letter} ${service.name}`));
          void reload();
        }}
      />
    </>
  );
}
