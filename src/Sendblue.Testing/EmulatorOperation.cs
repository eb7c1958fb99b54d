namespace Sendblue.Testing
{
    /// <summary>
    /// The operations of the Sendblue API the emulator serves, one per operation of the spec; faults
    /// are injected per operation, and <see cref="EmulatedRequest.Operation"/> names the one a request
    /// addressed.
    /// </summary>
    public enum EmulatorOperation
    {
        /// <summary><c>POST /api/send-message</c>.</summary>
        Send,

        /// <summary><c>GET /api/status</c>.</summary>
        GetStatus,

        /// <summary><c>GET /api/v2/messages/{message_id}</c>.</summary>
        Get,

        /// <summary><c>GET /api/v2/messages</c>.</summary>
        List,

        /// <summary><c>POST /api/messages/{message_handle}/update-app-card</c>.</summary>
        UpdateAppCard,

        /// <summary><c>POST /api/send-group-message</c>.</summary>
        SendGroupMessage,

        /// <summary><c>POST /api/modify-group</c>.</summary>
        ModifyGroup,

        /// <summary><c>POST /api/send-typing-indicator</c>.</summary>
        SendTypingIndicator,

        /// <summary><c>POST /api/upload-media-object</c>.</summary>
        UploadMediaObject,

        /// <summary><c>GET /api/evaluate-service</c>.</summary>
        LookupNumber,

        /// <summary><c>GET /api/v2/contacts</c>.</summary>
        ListContacts,

        /// <summary><c>POST /api/v2/contacts</c>.</summary>
        CreateContact,

        /// <summary><c>GET /api/v2/contacts/{phone_number}</c>.</summary>
        GetContact,

        /// <summary><c>PUT /api/v2/contacts/{phone_number}</c>.</summary>
        UpdateContact,

        /// <summary><c>DELETE /api/v2/contacts/{phone_number}</c>.</summary>
        DeleteContact,

        /// <summary><c>GET /api/v2/contacts/count</c>.</summary>
        CountContacts,

        /// <summary><c>POST /api/v2/contacts/opt-out</c>.</summary>
        OptOutContact,

        /// <summary><c>POST /api/v2/contacts/verify</c>.</summary>
        VerifyContact,

        /// <summary><c>POST /api/v2/contacts/bulk</c>.</summary>
        BulkCreateContacts,

        /// <summary><c>DELETE /api/v2/contacts</c>.</summary>
        BulkDeleteContacts,

        /// <summary><c>GET /api/account/webhooks</c>.</summary>
        ListWebhooks,

        /// <summary><c>POST /api/account/webhooks</c>.</summary>
        CreateWebhooks,

        /// <summary><c>PUT /api/account/webhooks</c>.</summary>
        UpdateWebhooks,

        /// <summary><c>DELETE /api/account/webhooks</c>.</summary>
        DeleteWebhooks,

        /// <summary><c>GET /api/v2/lines/state</c>.</summary>
        GetLineState,
    }
}
