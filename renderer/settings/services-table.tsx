import type { Service } from '../../shared/domain/site.js';
import { text } from '../i18n/text.js';

const t = text.settings.services;

export const serviceEditId = (serviceId: number) => `service-${serviceId}-edit`;

interface ServicesTableProps {
  services: readonly Service[];
  onEdit(service: Service): void;
  onSetActive(service: Service, active: boolean): void;
}

export function ServicesTable({ services, onEdit, onSetActive }: ServicesTableProps) {
  if (services.length === 0) return <p>{t.none}</p>;
  return (
    <table className="table settings-table">
      <caption className="table__caption">{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.letter}</th>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.target}</th>
          <th scope="col">{t.order}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => {
          const label = `${service.letter} ${service.name}`;
          return (
            <tr key={service.id} className={service.active ? undefined : 'settings-table__inactive'}>
              <td>
                <strong className="settings-letter">{service.letter}</strong>
              </td>
              <th scope="row">{service.name}</th>
              <td>{text.settings.minutes(service.targetWaitMinutes)}</td>
              <td>{service.order}</td>
              <td>{service.active ? text.settings.active : text.settings.inactive}</td>
              <td>
                <div className="settings-table__actions">
                  <button type="button" id={serviceEditId(service.id)} className="button button--small button--secondary" aria-label={t.editLabel(label)} onClick={() => onEdit(service)}>
                    {text.settings.edit}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-label={service.active ? t.deactivateLabel(label) : t.reactivateLabel(label)}
                    onClick={() => onSetActive(service, !service.active)}
                  >
                    {service.active ? text.settings.deactivate : text.settings.reactivate}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
