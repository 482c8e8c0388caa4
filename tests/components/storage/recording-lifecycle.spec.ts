import { expect } from "chai";
import { objectLockRetentionConflict, recordingLifecycleRules } from "../../../components/storage/recording-lifecycle";

describe("recording lifecycle", () => {
  const cases: Array<[number, number]> = [
    [1, 1],
    [90, 30],
    [2555, 7],
  ];
  for (const [retentionDays, noncurrentVersionExpirationDays] of cases) {
    it(`keeps recordings ${retentionDays} days and superseded versions ${noncurrentVersionExpirationDays} days`, () => {
      expect(recordingLifecycleRules({ retentionDays, noncurrentVersionExpirationDays })).to.deep.equal([
        {
          id: "expire-recordings",
          status: "Enabled",
          filter: {},
          expiration: { days: retentionDays },
          noncurrentVersionExpiration: { noncurrentDays: noncurrentVersionExpirationDays },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ]);
    });
  }

  const lockCases: Array<[number, number, string | undefined]> = [
    [30, 400, undefined],
    [400, 400, undefined],
    [401, 400, "an Object Lock of 401 days outlives the 400-day retention; lock days must be at most retentionDays"],
  ];
  for (const [lockDays, retentionDays, expected] of lockCases) {
    it(`lock ${lockDays} days vs retention ${retentionDays}: ${expected ?? "fits"}`, () => {
      expect(objectLockRetentionConflict(lockDays, retentionDays)).to.equal(expected);
    });
  }
});
