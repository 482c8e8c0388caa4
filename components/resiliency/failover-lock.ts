import { ConditionalCheckFailedException, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, DeleteCommand } from "@aws-sdk/lib-dynamodb";

/**
 * A failover lock with a cooldown, held in the DR lock table by a DynamoDB conditional write: the
 * first of any number of duplicate or flapping alarm events takes it, every other one sees it held
 * until the cooldown ends. DynamoDB evaluates the condition atomically, so concurrent handlers in
 * both Regions cannot both win (the lock table is a global table, and each Region writes its own
 * replica; the item key names the group so that a write in either Region contends on the same item).
 */
export interface FailoverLock {
  /**
   * Takes the lock for `cooldownSeconds`; false when someone else holds it. `force` takes it even
   * then (an operator's deliberate move), and still starts a cooldown so automation cannot flap back.
   */
  acquire(owner: string, cooldownSeconds: number, force?: boolean): Promise<boolean>;
  /** Releases a lock this owner holds (used when the shift did not happen, so a retry may act). */
  release(owner: string): Promise<void>;
}

/** One line of the audit trail. */
export interface AuditRecord {
  readonly at: string;
  readonly eventId: string;
  readonly action: string;
  readonly fromRegion?: string;
  readonly toRegion?: string;
  readonly detail: string;
}

export interface AuditLog {
  write(record: AuditRecord): Promise<void>;
}

/** Lock and audit trail in one DynamoDB table keyed by `pk` (string) and `sk` (string). */
export class DynamoDbFailoverStore implements FailoverLock, AuditLog {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
    /** The traffic distribution group the lock protects. */
    private readonly groupArn: string,
    private readonly now: () => number = Date.now,
  ) {
    this.documents = DynamoDBDocumentClient.from(client);
  }

  async acquire(owner: string, cooldownSeconds: number, force = false): Promise<boolean> {
    const nowSeconds = Math.floor(this.now() / 1000);
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `lock#${this.groupArn}`, sk: "lock", owner, lockedUntil: nowSeconds + cooldownSeconds, expiresAt: nowSeconds + cooldownSeconds + 86_400 },
          ...(force ? {} : { ConditionExpression: "attribute_not_exists(pk) OR lockedUntil < :now", ExpressionAttributeValues: { ":now": nowSeconds } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async release(owner: string): Promise<void> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { pk: `lock#${this.groupArn}`, sk: "lock" },
          ConditionExpression: "#owner = :owner",
          ExpressionAttributeNames: { "#owner": "owner" },
          ExpressionAttributeValues: { ":owner": owner },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async write(record: AuditRecord): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `audit#${this.groupArn}`, sk: `${record.at}#${record.eventId}`, ...record },
      }),
    );
  }
}
