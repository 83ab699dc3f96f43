// Administration over the identity API: hospitals and hub links, users and roles, and the audit trail search.
import { ApiError, type ApiClient, type HospitalKind, type Role } from './api';

export interface AdminHospital {
    readonly id: string;
    readonly code: string;
    readonly name: string;
    readonly kind: HospitalKind;
    readonly province: string | null;
    readonly timeZone: string;
    readonly active: boolean;
    readonly hubIds: readonly string[];
    readonly version: number;
}

export interface AdminUser {
    readonly id: string;
    readonly username: string;
    readonly fullName: string;
    readonly email: string | null;
    readonly hospitalId: string | null;
    readonly specialty: string | null;
    readonly roles: readonly Role[];
    readonly enabled: boolean;
    readonly version: number;
}

export interface AuditRow {
    readonly id: number;
    readonly occurredAt: string;
    readonly actorId: string | null;
    readonly actorName: string | null;
    readonly actorRoles: string | null;
    readonly action: string;
    readonly resourceType: string;
    readonly resourceId: string | null;
    readonly patientRef: string | null;
    readonly outcome: string;
    readonly sourceAddress: string | null;
    readonly detail: string | null;
}

export interface PageOf<T> {
    readonly items: readonly T[];
    readonly total: number;
}

export const AUDIT_ACTIONS = ['CREATE', 'READ', 'UPDATE', 'DELETE', 'EXECUTE', 'LOGIN', 'LOGOUT', 'EXPORT'] as const;
export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILED'] as const;

export async function hospitals(api: ApiClient): Promise<AdminHospital[]> {
    const body = await api.getJson('/api/admin/hospitals');
    if (!Array.isArray(body)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body as AdminHospital[];
}

export async function createHospital(
    api: ApiClient,
    input: { code: string; name: string; kind: HospitalKind; province: string; timeZone: string },
): Promise<AdminHospital> {
    return (await api.postJson('/api/admin/hospitals', input)) as AdminHospital;
}

export async function setLink(api: ApiClient, satelliteId: string, hubId: string, linked: boolean): Promise<AdminHospital> {
    const path = `/api/admin/hospitals/${encodeURIComponent(satelliteId)}/hubs/${encodeURIComponent(hubId)}`;
    return (await api.sendJson(linked ? 'PUT' : 'DELETE', path)) as AdminHospital;
}

export async function users(
    api: ApiClient,
    query: { q?: string; hospitalId?: string; role?: string; offset: number; limit: number },
): Promise<PageOf<AdminUser>> {
    const body = (await api.getJson('/api/admin/users', {
        q: query.q || undefined,
        hospitalId: query.hospitalId || undefined,
        role: query.role || undefined,
        offset: String(query.offset),
        limit: String(query.limit),
    })) as PageOf<AdminUser> | null;
    if (!body || !Array.isArray(body.items)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body;
}

export async function createUser(
    api: ApiClient,
    input: {
        username: string;
        fullName: string;
        email: string | null;
        hospitalId: string | null;
        specialty: string | null;
        roles: Role[];
        password: string;
    },
): Promise<AdminUser> {
    return (await api.postJson('/api/admin/users', input)) as AdminUser;
}

export async function setEnabled(api: ApiClient, user: AdminUser, enabled: boolean): Promise<AdminUser> {
    return (await api.sendJson('PUT', `/api/admin/users/${encodeURIComponent(user.id)}`, {
        fullName: user.fullName,
        email: user.email,
        hospitalId: user.hospitalId,
        specialty: user.specialty,
        roles: user.roles,
        enabled,
        version: user.version,
    })) as AdminUser;
}

export async function audit(
    api: ApiClient,
    query: Readonly<Record<string, string | undefined>> & { offset: string; limit: string },
): Promise<PageOf<AuditRow>> {
    const body = (await api.getJson('/api/admin/audit', query)) as PageOf<AuditRow> | null;
    if (!body || !Array.isArray(body.items)) {
        throw new ApiError('unexpectedResponse', 200);
    }
    return body;
}
