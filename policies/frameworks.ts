/**
 * The compliance frameworks the pack serves and the controls its rules map to.
 *
 * Rules cite controls from this registry only, so a control id is spelled once and a framework
 * selection (`frameworks` in pack config) can decide which rules are in force.
 */

/** Framework ids, as written in pack config (`frameworks: ["gdpr", "pci-dss"]`). */
export const FRAMEWORK_IDS = ["gdpr", "hipaa", "pci-dss"] as const;

/** One of the frameworks the pack serves. */
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** Descriptive metadata for a framework, in the shape @pulumi/policy's `PolicyComplianceFramework` wants. */
export interface Framework {
    readonly id: FrameworkId;
    readonly name: string;
    readonly version: string;
    readonly reference: string;
}

/** The frameworks, keyed by id. */
export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
    gdpr: {
        id: "gdpr",
        name: "GDPR",
        version: "2016/679",
        reference: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    },
    hipaa: {
        id: "hipaa",
        name: "HIPAA Security Rule",
        version: "45 CFR 164.312",
        reference: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312",
    },
    "pci-dss": {
        id: "pci-dss",
        name: "PCI DSS",
        version: "4.0.1",
        reference: "https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0_1.pdf",
    },
};

/** One requirement of one framework that a rule helps satisfy. */
export interface FrameworkControl {
    readonly framework: FrameworkId;
    /** The framework's own identifier, e.g. `Art. 32(1)(a)`, `§164.312(a)(2)(iv)`, `3.5.1`. */
    readonly id: string;
    /** A short title, so a report reads without the standard at hand. */
    readonly title: string;
}

function control(framework: FrameworkId, id: string, title: string): FrameworkControl {
    return Object.freeze({ framework, id, title });
}

/** Every control a rule in this pack cites. */
export const CONTROLS = {
    gdpr: {
        integrityConfidentiality: control("gdpr", "Art. 5(1)(f)", "Integrity and confidentiality of personal data"),
        byDesign: control("gdpr", "Art. 25", "Data protection by design and by default"),
        encryption: control("gdpr", "Art. 32(1)(a)", "Encryption of personal data"),
        resilience: control("gdpr", "Art. 32(1)(b)", "Ongoing confidentiality, integrity, availability and resilience"),
        restore: control("gdpr", "Art. 32(1)(c)", "Restore availability and access in a timely manner"),
        transfers: control("gdpr", "Art. 44", "General principle for transfers to third countries"),
    },
    hipaa: {
        accessControl: control("hipaa", "§164.312(a)(1)", "Access control"),
        encryptionAtRest: control("hipaa", "§164.312(a)(2)(iv)", "Encryption and decryption"),
        auditControls: control("hipaa", "§164.312(b)", "Audit controls"),
        integrity: control("hipaa", "§164.312(c)(1)", "Integrity: protect ePHI from improper alteration or destruction"),
        transmissionSecurity: control("hipaa", "§164.312(e)(1)", "Transmission security"),
        transmissionEncryption: control("hipaa", "§164.312(e)(2)(ii)", "Encryption in transmission"),
    },
    pciDss: {
        publicAccess: control("pci-dss", "1.4.4", "Components storing account data are not directly accessible from untrusted networks"),
        storedDataUnreadable: control("pci-dss", "3.5.1", "Stored PAN is rendered unreadable (strong cryptography)"),
        keyProtection: control("pci-dss", "3.6.1", "Cryptographic keys are protected against disclosure and misuse"),
        keyRotation: control("pci-dss", "3.7.4", "Keys are changed at the end of their cryptoperiod"),
        keyDestruction: control("pci-dss", "3.7.5", "Keys are retired or replaced when their integrity is weakened"),
        transmission: control("pci-dss", "4.2.1", "Strong cryptography protects account data in transmission"),
        leastPrivilege: control("pci-dss", "7.2.2", "Access is assigned on least privilege"),
        logRetention: control("pci-dss", "10.5.1", "Audit log history is retained for at least 12 months"),
        logProtection: control("pci-dss", "10.3.2", "Audit log files are protected from modification"),
    },
} as const;

/** The distinct frameworks a list of controls belongs to, in registry order. */
export function frameworksOf(controls: readonly FrameworkControl[]): FrameworkId[] {
    return FRAMEWORK_IDS.filter(id => controls.some(c => c.framework === id));
}

/** Type guard for framework ids coming from untyped pack config. */
export function isFrameworkId(value: unknown): value is FrameworkId {
    return typeof value === "string" && (FRAMEWORK_IDS as readonly string[]).includes(value);
}
