import { SUBSTATUSES, createEvent, isSubstatus, type StatusTable } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import {
  UPS_ACTIVITY_TYPES,
  UPS_CATCH_ALL_STATUS_CODES,
  UPS_DELIVERY_CODES,
  UPS_FREIGHT_ACTIVITY_CODES,
  UPS_FREIGHT_EXCEPTION_CODES,
  UPS_LEGACY_ACTIVITY_TYPES,
  UPS_MAIL_INNOVATIONS_CODES,
  UPS_MANIFEST_CODES,
  UPS_MOVEMENT_SCAN_CODES,
  UPS_PACKAGE_EXCEPTION_CODES,
  UPS_SCAN_CODE_TABLES_BY_TYPE,
  UPS_STATUS_DESCRIPTION_CODES,
  UPS_UPDATE_CODES,
} from './ups-status-tables';
import { mapUpsStatus, normaliseUpsCode } from './map-ups-status';

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/*
 * Every code UPS documents, table by table, in the order of docs/research/carrier-codes/ups-codes.md
 * (a verbatim extraction of the UPS Track API appendix pages vendored in karrioapi/karrio @ 0f7414f0:
 * Tracking-package-activity-types, Tracking-status-description-codes, Tracking-delivery-codes,
 * Tracking-mail-innovation). Codes are as UPS lists them (unpadded); duplicates listed once.
 */
const DOCUMENTED = {
  activityTypes: words(`
    D I M MV X DO DD W NA U
  `),
  statusDescription: words(`
    0 3 5 6 7 10 11 12 13 14 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 32 33 34 35 36 37 38 39 40 41 42 43 44
    45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81
    82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113
    114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140
    141 142 143 144 145 146 147 148 149 153 154 155 156 157 158 159 160 161 162 163 164 165 166 167 168 169
  `),
  movementScans: words(`
    AG AR AT CA CD CL DL DP DS EP HU IP LC LM OC OD OF OR OT PC PL PU PT SP UA UD UL VP WH XA XD XR YF YH YI YM YN
    YP
  `),
  packageExceptions: words(`
    1 2 3 4 5 6 7 8 11 13 14 15 16 17 18 19 22 23 24 25 26 27 29 30 31 33 34 37 39 40 43 45 46 47 48 49 51 52 54
    55 56 59 60 63 64 65 66 67 68 71 72 73 76 77 78 79 84 87 89 90 91 92 93 95 99 1A 1B 1C 1D 1E 1F 1G 1H 1K 1L 1M
    1O 1P 1Q 1T 1U 1V 1W 1X 2A 2B 2E 2G 2H 2N 2O 2R 2S 2T 2U 2V 2X 2Y 2Z 3A 3B 3C 3D 3J 3L 3N 3P 3Q 3R 3S 3T 3U 3V
    3W 3Z 4B 4C 4F 4H 4I 4J 4K 4L 4M 4N 4P 4Q 4R 4S 4T 4Y 4Z 5A 5B 5D 5G 5R 5S 5T 5U 5V 5W 5Z 6B 6C 6D 6E 6G 6H 6I
    6J 6K 6L 6P 6R 6T 6W 6X 6Z 7C 7D 7E 7F 7G 7H 7I 7L 7M 7N 7P 7Q 7R 7S 7T 7U 7V 7W 7X 7Y 7Z 8A 8C 8D 8E 8F 8G 8H
    8I 8K 8L 8M 8R 8Y 8Z 9C 9D 9F 9I 9J 9K 9L 9M 9N 9O 9P 9Q 9R 9S 9T 9U 9V 9X 9Y 9Z A1 A2 A3 A4 A5 A6 A7 A8 A9 AA
    AB AC AD AE AF AG AH AJ AK AL AM AN AO AP AQ AS AT AV AW AX AY AZ B1 B3 B4 B5 B6 B8 B9 BA BB BD BE BF BG BH BJ
    BK BP BQ BR BT BV BW BX BZ C3 C4 C5 C6 C7 C8 C9 CA CC CD CE CF CG CH CJ CK CL CM CN CP CQ CS CT CV CW CX CY CZ
    D0 D1 D2 D4 D5 D7 D9 DA DB DC DD DE DF DG DJ DL DN DP DQ DR DS DT DU DW DY E0 E1 E2 E3 E4 E7 E8 E9 ED EH EN EO
    ER ES EU EV EW EX EY F0 F3 F4 F5 F7 F8 FA FE FF FG FM FN FT FW G1 G3 G4 G5 G6 G7 G8 G9 GB GC GD GF GH GI GN GO
    GQ GR GV GZ H1 H2 H3 H4 H5 H6 H7 H8 H9 HA HD HE HF HG HH HJ HK HL HM HN HO HQ HR HW I1 I2 I3 I5 I8 I9 IB IJ IP
    IQ IR IY J0 J8 J9 JA JB JC JH JI JJ K1 K2 K5 K6 K7 K8 KI KM KN KO KP KQ KR KS KT KX KY KZ L0 L1 L2 L3 L5 L8 LE
    LF LH LI LN LO LQ LU LV LX LY LZ MF MI MT NI NP NW O0 O1 O2 O3 O4 O5 O6 O7 O8 O9 OA OB OD OH OI OJ OL OM OQ OR
    OS OT P4 P6 P7 PG PH PI PP PZ Q0 Q1 R1 R3 R4 R5 R6 R7 R8 RA RB RC RD RE RF RG RH RI RJ RK RL RM RO RP RR RS RU
    RV RW RX RY RZ S0 S1 S2 S3 S4 S5 S6 S7 S8 S9 SF SI SJ SL SN SO SP SS SU SV SX SY T3 T4 T5 T6 T7 T8 T9 TA TB TC
    TE TF TG TH TI TJ TK TL TN TO TR TS TT TU TV TX U0 U3 UA UD UE UF UG UI UK UL UN UO UP UR US UT UW UX UZ V9 VA
    VB VD VE VF VG VH VI VJ VK VL VM VN VP VQ VR VU VV VW VX VZ W8 X0 X2 X3 X4 X5 X6 X7 X8 X9 XA XB XC XD XE XG XJ
    XK XL XN XO XS XU XV XW XY XZ Y1 Y2 Y3 Y4 Y5 Y7 Y9 YA YD YE YF YG YI YJ YK YL YM YR YS YT YU YV YW YX Z1 Z3 Z5
    Z7 Z8 ZA ZB ZC ZD ZK ZL ZM ZN ZO ZP ZS ZU ZV ZW ZX ZY ZZ
  `),
  deliveryCodes: words(`
    0 9 12 1N 1Z 28 2C 2D 2J 2K 2Q 2W 32 38 3F 3G 3H 41 42 44 4X 50 53 57 5F 61 62 70 74 7A 7B 7K 83 85 86 8N 8O
    8Q 98 9E A0 AI AU B0 B2 BI BL BM BN BO BS CB CI CO CR CU DI DK DO DZ EA EB EC EE EF EG EI EJ EK EL EM EP EQ ET
    EZ F0 F3 F1 F2 F7 FB FC FD FI FO FV FZ GK GW HI KU L4 L6 LM M1 M2 M3 M4 M5 M6 M7 M8 M9 MA MB MC MD ME MG MH MJ
    MK ML MM MN MP MQ MR MS MU MV MW MX MY NL NS NT NX OE OO OZ P5 PF RN RQ SB SE SG ST TW UC UJ VS YC YH ZE ZF ZG
    ZH ZI ZQ
  `),
  manifestCodes: words(`
    DP MP RD VP
  `),
  updateCodes: words(`
    PX UP UT
  `),
  freightActivity: words(`
    000 001 002 003 004 005 006 007 009 010 011 012 013 014 015 016 017 020 022 027 028 029 030 031 032 033 034
    035 036 037 038 039 040 041 042 043 044 045 046 047 048 049 050 051 052 053 054 055 056 057 058 059 060 061
    062 063 065 066 067 068 069 070 072 073 074 080
  `),
  freightExceptions: words(`
    01 02 03 04 05 06 07 08 09 10 11 12 14 15 16 17 18 19 20 21 22 24 25 26 27 28 29 30 31 32 33 34 35 36 38 39 40
    41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77
    78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 A1 A2 A3 A4 A5 AR AS B3 B4 B6 B7 B8 B9 BL BM
    BP BW C0 C3 C7 D1 D2 D3 D4 D5 DE DG DH DP DX E1 E2 E4 E5 E6 E7 E8 E9 EC EF EX F1 F2 F3 FX G1 G2 G3 G4 G5 GD HA
    HC HD HE HF HG HN HU I1 I2 I3 I4 I5 I6 IA IC IE IF IG IH II IJ IK IL IM IN IO IP IQ IS IT LC LD MB MR MS PS RF
    SA SC TE TI TM U2 U3 U4 U6 UF UG UH UI UJ UK UL UM UN UQ UX UY UZ
  `),
  mailInnovations: words(`
    00 1A 1B 1C 1D 1E 1F 1G 2N 2O AU DL DM DN DO DP DQ DR DS DU DV DW DX DY DZ EA EB EC ED EE EF EG EH EI EJ EK EL
    EM EN F4 KP ML MP MQ MR MS MT MU MV MW MX MY MZ OF P0 P1 P2 P3 P4 P5 P6 P7 P8 P9 PA PB PC PD PE PF PG PH PI PJ
    PK PL PM PN PO PP PQ PR PS PT PU PV PW PX PY Q0 Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 QA QB QC QD QE QF QG QH QI QJ QK QL
    QM QN QP QQ QR QS QT QU QV QW QX QY QZ R0 R1 R2 R3 R4 R5 R6 R7 R8 R9 RA RB RC RD RE RF RG RH RI RJ RK RL RM RN
    RP RQ RR RS RT RU RV RW RX RY RZ S0 S1 S2 S3 S4 S5 S6 S7 S8 S9 SA SB SC SD SE SF SG SH SI SJ SK SL SM SN SO SP
    SQ SR VS XA XD XO YC YD YE YF YG YH YI YJ YK YL YM ZM ZN ZR ZS ZT ZU ZV ZW ZX ZY ZZ
  `),
};

const TABLES: Array<[keyof typeof DOCUMENTED, StatusTable, (code: string) => string]> = [
  ['activityTypes', UPS_ACTIVITY_TYPES, (code) => code],
  ['statusDescription', UPS_STATUS_DESCRIPTION_CODES, (code) => code.padStart(3, '0')],
  ['movementScans', UPS_MOVEMENT_SCAN_CODES, (code) => code],
  ['packageExceptions', UPS_PACKAGE_EXCEPTION_CODES, (code) => code.padStart(2, '0')],
  ['deliveryCodes', UPS_DELIVERY_CODES, (code) => code.padStart(2, '0')],
  ['manifestCodes', UPS_MANIFEST_CODES, (code) => code],
  ['updateCodes', UPS_UPDATE_CODES, (code) => code],
  ['freightActivity', UPS_FREIGHT_ACTIVITY_CODES, (code) => code],
  ['freightExceptions', UPS_FREIGHT_EXCEPTION_CODES, (code) => code],
  ['mailInnovations', UPS_MAIL_INNOVATIONS_CODES, (code) => code],
];

describe('UPS status tables', () => {
  it.each(TABLES)('%s: exactly the documented codes, one entry each', (name, table, key) => {
    const documented = DOCUMENTED[name].map(key);
    expect(new Set(documented).size).toBe(documented.length);
    expect(Object.keys(table).sort()).toEqual([...documented].sort());
  });

  it('has the documented counts (160 status codes, 687 exception codes, ...)', () => {
    expect(Object.fromEntries(TABLES.map(([name, table]) => [name, Object.keys(table).length]))).toEqual({
      activityTypes: 10,
      statusDescription: 160,
      movementScans: 38,
      packageExceptions: 687,
      deliveryCodes: 151,
      manifestCodes: 4,
      updateCodes: 3,
      freightActivity: 66,
      freightExceptions: 207,
      mailInnovations: 213,
    });
  });

  it.each([...TABLES.map(([name, table]) => [name, table] as const), ['legacyActivityTypes', UPS_LEGACY_ACTIVITY_TYPES] as const])(
    '%s: every substatus belongs to its status',
    (_name, table) => {
      for (const [code, entry] of Object.entries(table)) {
        if (entry.substatus === undefined) continue;
        expect(isSubstatus(entry.substatus), code).toBe(true);
        expect(SUBSTATUSES[entry.substatus].status, `${code}: ${entry.substatus}`).toBe(entry.status);
        // createEvent enforces the same rule at runtime: it must accept every entry.
        expect(() => createEvent({ time: null, description: code, code, mapped: entry })).not.toThrow();
      }
    },
  );

  it('routes scan codes only through the tables of their activity type', () => {
    expect(Object.keys(UPS_SCAN_CODE_TABLES_BY_TYPE).sort()).toEqual(['D', 'DD', 'DO', 'I', 'M', 'MV', 'P', 'U', 'W', 'X']);
    // The same two characters mean different things per table: the type picks the table.
    expect(UPS_MOVEMENT_SCAN_CODES.DP).toEqual({ status: 'in_transit', substatus: 'departed_facility' });
    expect(UPS_PACKAGE_EXCEPTION_CODES.DP).toEqual({ status: 'exception', substatus: 'rejected_by_carrier' });
    expect(UPS_MANIFEST_CODES.DP).toEqual({ status: 'info_received' });
    expect(mapUpsStatus({ type: 'I', code: 'DP' }).mapped).toEqual(UPS_MOVEMENT_SCAN_CODES.DP);
    expect(mapUpsStatus({ type: 'X', code: 'DP' }).mapped).toEqual(UPS_PACKAGE_EXCEPTION_CODES.DP);
    expect(mapUpsStatus({ type: 'M', code: 'DP' }).mapped).toEqual(UPS_MANIFEST_CODES.DP);
    // A scan code without an activity type is ambiguous: it is not looked up at all.
    expect(mapUpsStatus({ code: 'DP' }).mapped).toBeUndefined();
  });
});

describe('mapUpsStatus', () => {
  it('lets the 3-digit status code decide first', () => {
    expect(mapUpsStatus({ type: 'D', code: 'F4', statusCode: '011' })).toEqual({ mapped: { status: 'delivered' }, code: 'D/F4/011' });
    expect(mapUpsStatus({ type: 'D', code: 'F4', statusCode: '011' }).mapped).toBe(UPS_STATUS_DESCRIPTION_CODES['011']);
    // UPS's own classification wins over the code: 7H ("will be returned to export location") filed as 048 Delay.
    expect(mapUpsStatus({ type: 'X', code: '7H', statusCode: '048' }).mapped).toEqual({ status: 'in_transit', substatus: 'delayed' });
    expect(mapUpsStatus({ type: 'I', code: 'OR', statusCode: '160' }).mapped).toEqual({ status: 'in_transit', substatus: 'picked_up' });
  });

  it('refines a status code without substatus by a scan code of the same status', () => {
    expect(mapUpsStatus({ type: 'I', code: 'AR', statusCode: '005' }).mapped).toEqual({
      status: 'in_transit',
      substatus: 'arrived_at_facility',
    });
    expect(mapUpsStatus({ type: 'X', code: '48', statusCode: '022' }).mapped).toEqual({
      status: 'attempt_failed',
      substatus: 'attempt_failed_recipient_absent',
    });
    // A scan code of another status does not change the status code's verdict.
    expect(mapUpsStatus({ type: 'X', code: '7W', statusCode: '005' }).mapped).toEqual({
      status: 'in_transit',
      substatus: 'delayed_weather',
    });
    expect(mapUpsStatus({ type: 'X', code: 'AG', statusCode: '005' }).mapped).toEqual({ status: 'in_transit' });
    // A status code with its own substatus is not refined.
    expect(mapUpsStatus({ type: 'I', code: 'AR', statusCode: '160' }).mapped).toEqual({ status: 'in_transit', substatus: 'picked_up' });
  });

  it('lets a known scan code decide under the catch-all 013 Exception', () => {
    expect([...UPS_CATCH_ALL_STATUS_CODES]).toEqual(['013']);
    expect(mapUpsStatus({ type: 'X', code: '77', statusCode: '013' }).mapped).toBe(UPS_PACKAGE_EXCEPTION_CODES['77']);
    expect(UPS_PACKAGE_EXCEPTION_CODES['77']).toMatchObject({ status: 'in_transit' });
    expect(mapUpsStatus({ type: 'X', code: 'CT', statusCode: '013' }).mapped).toEqual({ status: 'exception', substatus: 'customs_held' });
    // Unknown scan code, or one without status information: the catch-all stands.
    expect(mapUpsStatus({ type: 'X', code: 'Q~', statusCode: '013' }).mapped).toBe(UPS_STATUS_DESCRIPTION_CODES['013']);
    expect(mapUpsStatus({ type: 'X', code: '5A', statusCode: '013' }).mapped).toEqual({ status: 'exception' });
  });

  it('falls back to the scan code, then to the activity type', () => {
    expect(UPS_MOVEMENT_SCAN_CODES.OT).toEqual({ status: 'out_for_delivery' });
    expect(mapUpsStatus({ type: 'I', code: 'OT' }).mapped).toBe(UPS_MOVEMENT_SCAN_CODES.OT);
    expect(mapUpsStatus({ type: 'I', code: 'OT', statusCode: '999' }).mapped).toBe(UPS_MOVEMENT_SCAN_CODES.OT);
    expect(mapUpsStatus({ type: 'X', code: 'Q~', statusCode: '999' }).mapped).toBe(UPS_ACTIVITY_TYPES.X);
    expect(mapUpsStatus({ type: 'D' }).mapped).toBe(UPS_ACTIVITY_TYPES.D);
    expect(mapUpsStatus({ type: 'P' }).mapped).toBe(UPS_LEGACY_ACTIVITY_TYPES.P);
    expect([UPS_ACTIVITY_TYPES.X, UPS_ACTIVITY_TYPES.D, UPS_LEGACY_ACTIVITY_TYPES.P]).toEqual([
      { status: 'exception' },
      { status: 'delivered' },
      { status: 'in_transit', substatus: 'picked_up' },
    ]);
  });

  it('never lets a code without status information decide while another field does', () => {
    // 000 Status Not Available on a delivered scan: the scan code and type still say delivered.
    expect(mapUpsStatus({ type: 'D', code: 'F4', statusCode: '000' }).mapped).toBe(UPS_PACKAGE_EXCEPTION_CODES.F4);
    expect(mapUpsStatus({ type: 'D', statusCode: '155' }).mapped).toBe(UPS_ACTIVITY_TYPES.D);
    // Nothing else known: kept as a mapped unknown (not unmapped), so it never moves the shipment.
    expect(mapUpsStatus({ type: 'U', code: 'UT', statusCode: '153' }).mapped).toBe(UPS_STATUS_DESCRIPTION_CODES['153']);
    expect(UPS_STATUS_DESCRIPTION_CODES['153']).toEqual({ status: 'unknown', substatus: 'unknown' });
    expect(mapUpsStatus({ type: 'NA' }).mapped).toBe(UPS_ACTIVITY_TYPES.NA);
    expect(UPS_ACTIVITY_TYPES.NA).toMatchObject({ status: 'unknown' });
  });

  it('returns no entry when no table knows any of the codes, keeping the raw code', () => {
    expect(mapUpsStatus({ type: 'K', code: 'K9', statusCode: '999' })).toEqual({ mapped: undefined, code: 'K/K9/999' });
    expect(mapUpsStatus({})).toEqual({ mapped: undefined, code: '//' });
  });

  it('routes freight-only types to the freight tables', () => {
    expect(mapUpsStatus({ type: 'DD', code: '012' }).mapped).toEqual(UPS_FREIGHT_ACTIVITY_CODES['012']);
    expect(mapUpsStatus({ type: 'W', code: '34' }).mapped).toEqual({ status: 'exception', substatus: 'lost' });
    // The same 3 digits are a different thing on a small-package activity: status codes are never freight codes.
    expect(mapUpsStatus({ type: 'I', statusCode: '012' }).mapped).toEqual({ status: 'in_transit', substatus: 'customs_processing' });
  });

  it('consults Mail Innovations codes only after the tables of the activity type', () => {
    // PU is a pickup scan for type I; only in the Mail Innovations table is it "Package Refused".
    expect(mapUpsStatus({ type: 'I', code: 'PU' }).mapped).toEqual({ status: 'in_transit', substatus: 'picked_up' });
    // QX exists only in the Mail Innovations table.
    expect(mapUpsStatus({ type: 'X', code: 'QX' }).mapped).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed_refused' });
  });

  it('normalises the padding UPS uses in lists and in answers', () => {
    expect(normaliseUpsCode('11', 3)).toBe('011');
    expect(normaliseUpsCode(' 011 ', 3)).toBe('011');
    expect(normaliseUpsCode('', 3)).toBeNull();
    expect(normaliseUpsCode('6', 2)).toBe('06');
    expect(normaliseUpsCode('f4', 2)).toBe('F4');
    expect(normaliseUpsCode(undefined, 2)).toBeNull();
    expect(mapUpsStatus({ type: 'X', code: '6', statusCode: '13' }).mapped).toEqual({ status: 'in_transit', substatus: 'missorted' });
    expect(mapUpsStatus({ type: 'X', code: '06', statusCode: '013' }).mapped).toEqual({ status: 'in_transit', substatus: 'missorted' });
  });
});

describe('prototype keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'maps %s in any code field to unmapped, never to a prototype property',
    (code) => {
      for (const codes of [{ type: code }, { code }, { statusCode: code }, { type: code, code, statusCode: code }]) {
        const mapping = mapUpsStatus(codes);
        expect(mapping.mapped, JSON.stringify(codes)).toBeUndefined();
        const event = createEvent({ time: null, description: 'odd', code: mapping.code, mapped: mapping.mapped });
        expect(event.unmapped).toBe(true);
        expect(event.status).toBe('unknown');
      }
      // Beside a known activity type the odd code is ignored: the type decides, nothing from a prototype.
      expect(mapUpsStatus({ type: 'I', code, statusCode: code }).mapped).toEqual({ status: 'in_transit' });
    },
  );
});

describe('tables without a prototype', () => {
  it('keeps every UPS table and the type → tables map without a prototype', () => {
    const tables = [
      UPS_ACTIVITY_TYPES,
      UPS_STATUS_DESCRIPTION_CODES,
      UPS_MOVEMENT_SCAN_CODES,
      UPS_PACKAGE_EXCEPTION_CODES,
      UPS_DELIVERY_CODES,
      UPS_MANIFEST_CODES,
      UPS_UPDATE_CODES,
      UPS_FREIGHT_ACTIVITY_CODES,
      UPS_FREIGHT_EXCEPTION_CODES,
      UPS_MAIL_INNOVATIONS_CODES,
      UPS_LEGACY_ACTIVITY_TYPES,
      UPS_SCAN_CODE_TABLES_BY_TYPE,
    ];
    for (const table of tables) expect(Object.getPrototypeOf(table)).toBeNull();
  });
});
