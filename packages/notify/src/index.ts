// What a user composes: the milestone policy (pure), the words, and delivery (channels, dispatcher, webhooks).
// Tests import the module they test.

// The seam between policy and delivery
export {
  MILESTONES,
  CUSTOMER_CHANNELS,
  type Milestone,
  type CustomerChannel,
  type QuietMode,
  type QuietHours,
  type WallTime,
  type Brand,
  type NotificationSettings,
  type MilestoneOccurrence,
  type MilestoneFacts,
  type DelayReason,
  type ExceptionReason,
  type Recipient,
  type PlannedMessage,
  type PolicyDecision,
  type SkipReason,
  type SendCheck,
  type PolicyState,
  type MessageLinks,
  type RenderedMessage,
} from './notification-types';

// Milestones from the store's outbox
export { milestonesFromEvent, type MilestoneInput, type EventTracking } from './milestones/milestones-from-event';

// Policy
export { resolveNotificationSettings, NotificationSettingsError, DEFAULT_BRAND, type NotificationSettingsInput } from './policy/settings';
export {
  planNotifications,
  checkAtSend,
  updatePolicyState,
  recipientTimeZone,
  dedupeKeyOf,
  EMPTY_POLICY_STATE,
  type PlanInput,
  type PlanCustomer,
  type SendCheckInput,
} from './policy/plan-notifications';
export { isInQuietHours, quietHoursEnd } from './policy/quiet-hours';

// Words
export { renderMessage, NotifyRenderError, type RenderOptions } from './messages/render-message';
export { renderPreview, type PreviewInput } from './messages/render-preview';
export { NOTIFY_CATALOGUES, type NotifyCatalogue, type NotifyMessageKey } from './messages/catalogues';

// Delivery (channels, dispatcher, webhooks)
export { createEmailChannel, type EmailChannel, type EmailChannelSettings } from './channels/email-channel';
export { createTwilioChannel, type TwilioChannelSettings } from './channels/twilio-channel';
export { ChannelError, type ChannelErrorCode, type ChannelSendResult, type NotificationChannel } from './channels/channel-types';
export {
  verifyTwilioSignature,
  readTwilioStatusCallback,
  TwilioCallbackError,
  type TwilioStatusUpdate,
  type TwilioMessageStatus,
} from './channels/twilio-signature';
export {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  type DispatcherLinks,
  type DispatchReport,
  type RenderMessage,
} from './dispatcher/create-dispatcher';
export {
  createNotificationAdmin,
  NotificationAdminError,
  type NotificationAdmin,
  type NotificationAdminErrorCode,
  type WebhookEndpointInfo,
  type WebhookDeliveryInfo,
  type OptOutInfo,
} from './dispatcher/notification-admin';
export {
  createUnsubscribeToken,
  verifyUnsubscribeToken,
  UnsubscribeTokenError,
  type UnsubscribeSubject,
} from './dispatcher/unsubscribe-token';
export {
  createWebhookSecret,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  type SignedWebhookHeaders,
  type WebhookVerificationErrorCode,
} from './webhooks/standard-webhooks';
export { WEBHOOK_RETRY_SCHEDULE_MS } from './webhooks/webhook-sender';
export { WEBHOOK_EVENT_TYPES } from './webhooks/webhook-events';
export type { AddressPolicy } from './webhooks/address-guard';
